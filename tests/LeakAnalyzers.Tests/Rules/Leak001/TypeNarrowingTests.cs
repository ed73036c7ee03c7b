using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// The message of an exception read where a type test has narrowed it to operational types only: a switch on the
/// exception, a switch expression, <c>||</c> of tests, an <c>else</c>, and tests of a parameter or of a filter's
/// <c>context.Exception</c>. A test that lets any other type through leaves the message a leak.
/// </summary>
public class TypeNarrowingTests
{
    private static Task Verify(string handler) => Verifier.DiagnosticsAsync($$"""
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        public class NotFoundException : Exception { public NotFoundException(string m) : base(m) { } }
        public class ConflictException : Exception { public ConflictException(string m) : base(m) { } }
        public class ErrorBody { public int Status { get; set; } public string? Message { get; set; } }
        public class ErrorMiddleware
        {
            private readonly RequestDelegate _next;
            public ErrorMiddleware(RequestDelegate next) => _next = next;
            public async Task InvokeAsync(HttpContext context)
            {
                try { await _next(context); }
                catch (Exception ex) { await WriteAsync(context, ex); }
            }
            {{handler}}
        }
        """);

    [Theory]
    // A switch statement on the helper's exception parameter: every label of the section must be operational.
    [InlineData("case NotFoundException: body.Status = 404; body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException: case ConflictException: body.Status = 409; body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException or ConflictException: body.Status = 409; body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException when ex.Message.Length > 0: body.Message = ex.Message; break;")]
    [InlineData("case Exception when ex is ConflictException: body.Message = ex.Message; break;")]
    public Task Switch_sections_of_operational_types_only_are_clean(string section) =>
        VerifySwitch(section + " default: body.Status = 500; break;", "JsonSerializer.Serialize(body)");

    [Theory]
    [InlineData("case UnauthorizedAccessException: body.Status = 401; body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException: case InvalidOperationException: body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException or ArgumentException: body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException: default: body.Message = ex.Message; break;")]
    [InlineData("case NotFoundException: body.Message = ex.StackTrace; break;")]
    public Task Switch_sections_that_let_other_types_in_still_leak(string section) =>
        VerifySwitch(section, "[|JsonSerializer.Serialize(body)|]");

    /// <summary>A helper that fills an error body in a switch on its exception parameter, then writes it.</summary>
    private static Task VerifySwitch(string sections, string sent) =>
        Verify($$"""
            private static async Task WriteAsync(HttpContext context, Exception ex)
            {
                var body = new ErrorBody { Status = 500, Message = "Internal error" };
                switch (ex)
                {
                    {{sections}}
                }
                await context.Response.WriteAsync({{sent}});
            }
            """);

    [Fact]
    public Task Switch_on_another_variable_does_not_narrow() =>
        Verify("""
            private static async Task WriteAsync(HttpContext context, Exception ex)
            {
                var inner = ex.InnerException ?? ex;
                switch (inner)
                {
                    case NotFoundException: await context.Response.WriteAsync([|ex.Message|]); break;
                }
            }
            """);

    [Theory]
    [InlineData("ex switch { NotFoundException => ex.Message, ConflictException c => c.Message, _ => \"Internal error\" }")]
    [InlineData("ex is NotFoundException || ex is ConflictException ? ex.Message : \"Internal error\"")]
    [InlineData("ex is not NotFoundException ? \"Internal error\" : ex.Message")]
    [InlineData("!(ex is NotFoundException) ? \"Internal error\" : ex.Message")]
    [InlineData("ex is NotFoundException or ConflictException ? ex.Message : \"Internal error\"")]
    public Task Expressions_narrowed_to_operational_types_are_clean(string message) => VerifyMessage(message, "message");

    [Theory]
    [InlineData("ex switch { NotFoundException => \"Not found\", _ => ex.Message }")]
    [InlineData("ex is NotFoundException || ex is TimeoutException ? ex.Message : \"Internal error\"")]
    [InlineData("ex is not NotFoundException ? ex.Message : \"Internal error\"")]
    [InlineData("ex is NotFoundException && ex.InnerException is { } ? ex.InnerException.Message : \"Internal error\"")]
    public Task Expressions_that_let_other_types_through_still_leak(string message) => VerifyMessage(message, "[|message|]");

    /// <summary>A helper that computes the text it writes from its exception parameter.</summary>
    private static Task VerifyMessage(string message, string sent) =>
        Verify($$"""
            private static Task WriteAsync(HttpContext context, Exception ex)
            {
                var message = {{message}};
                return context.Response.WriteAsync({{sent}});
            }
            """);

    [Fact]
    public Task Else_branch_of_a_negated_test_is_narrowed() =>
        Verify("""
            private static Task WriteAsync(HttpContext context, Exception ex)
            {
                if (ex is not NotFoundException)
                    return context.Response.WriteAsync("Internal error");
                else
                    return context.Response.WriteAsync(ex.Message);
            }
            """);

    [Theory]
    [InlineData("if (ex is not NotFoundException) return context.Response.WriteAsync(\"Internal error\");")]
    [InlineData("if (!(ex is NotFoundException || ex is ConflictException)) { context.Response.StatusCode = 500; return Task.CompletedTask; }")]
    [InlineData("if (ex is not (NotFoundException or ConflictException)) throw new InvalidOperationException(\"Unexpected\", ex);")]
    public Task Code_after_an_early_exit_is_narrowed(string exit) =>
        Verify($$"""
            private static Task WriteAsync(HttpContext context, Exception ex)
            {
                {{exit}}
                return context.Response.WriteAsync(ex.Message);
            }
            """);

    [Theory]
    // The exit does not always leave, tests another type, or comes after the read.
    [InlineData("if (ex is not NotFoundException) context.Response.StatusCode = 500;", "")]
    [InlineData("if (ex is not NotFoundException) { if (context.Response.HasStarted) return Task.CompletedTask; }", "")]
    [InlineData("if (ex is NotFoundException) return context.Response.WriteAsync(\"Not found\");", "")]
    [InlineData("", "if (ex is not NotFoundException) return Task.CompletedTask;")]
    public Task Code_after_a_partial_exit_still_leaks(string before, string after) =>
        Verify($$"""
            private static Task WriteAsync(HttpContext context, Exception ex)
            {
                {{before}}
                var sent = context.Response.WriteAsync([|ex.Message|]);
                {{after}}
                return sent;
            }
            """);

    [Fact]
    public Task Exception_filter_narrowing_its_context_exception() =>
        Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;
            public class NotFoundException : Exception { public NotFoundException(string m) : base(m) { } }
            public class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    var message = "Internal error";
                    if (context.Exception is NotFoundException)
                        message = context.Exception.Message;
                    else if (context.Exception is ArgumentException)
                        context.Result = new BadRequestObjectResult([|context.Exception.Message|]);
                    context.Result = new ObjectResult(new { message }) { StatusCode = 500 };
                }
            }
            """);
}
