using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>The project's own helpers that write a parameter to the response are sinks at their call sites.</summary>
public class HelperSinkTests
{
    [Fact]
    public async Task Helper_writing_a_string_parameter_reports_the_call_site()
    {
        await Verifier.DiagnosticsAsync("""
            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try { await _next(context); }
                    catch (InvalidOperationException ex) { await WriteErrorAsync(context, 409, [|ex.Message|]); }
                    catch (Exception) { await WriteErrorAsync(context, 500, "An unexpected error occurred."); }
                }

                private static Task WriteErrorAsync(HttpContext context, int status, string message)
                {
                    context.Response.StatusCode = status;
                    return context.Response.WriteAsJsonAsync(new { error = message });
                }
            }
            """);
    }

    [Fact]
    public async Task Helper_taking_the_exception_reports_inside_the_helper()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Text.Json;
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (Exception ex) { await HandleExceptionAsync(context, ex); }
                }

                private static Task HandleExceptionAsync(HttpContext context, Exception exception)
                {
                    context.Response.StatusCode = 500;
                    var body = JsonSerializer.Serialize(new { error = exception.Message, detail = exception.StackTrace });
                    return context.Response.WriteAsync([|body|]);
                }
            }
            """);
    }

    [Fact]
    public async Task Helper_returning_a_result_is_reported_once()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapGet("/", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Fail([|ex.Message|]); }
            });
            app.Run();

            static IResult Fail(string message) => Results.Problem(message);
            """);
    }

    [Fact]
    public async Task Helper_that_only_logs_its_parameter_is_not_a_sink()
    {
        await Verifier.DiagnosticsAsync("""
            public class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (Exception ex) { await Fail(context, ex.Message); }
                }

                private Task Fail(HttpContext context, string message)
                {
                    logger.LogError("Request failed: {Message}", message);
                    return context.Response.WriteAsync("An unexpected error occurred.");
                }
            }
            """);
    }
}
