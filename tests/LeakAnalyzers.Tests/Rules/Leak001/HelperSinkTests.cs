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

    [Fact]
    public async Task Helpers_that_hand_the_parameter_on_are_followed_three_deep()
    {
        await Verifier.DiagnosticsAsync("""
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (InvalidOperationException ex) { await Fail(context, [|ex.Message|]); }
                    catch (ArgumentException ex) { await Report(context, [|ex.Message|]); }
                    catch (Exception ex) { await TooDeep(context, ex.Message); }
                }

                private static Task Report(HttpContext context, string text) => Fail(context, "Failed: " + text);
                private static Task Fail(HttpContext context, string message) => Write(context, 409, message);
                private static Task Write(HttpContext context, int status, string body)
                {
                    context.Response.StatusCode = status;
                    return context.Response.WriteAsJsonAsync(new { error = body });
                }

                // Four helpers deep: past the limit, not followed.
                private static Task TooDeep(HttpContext context, string text) => Report(context, text);
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_hands_on_something_else_is_not_a_sink()
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
                    return Write(context, "An unexpected error occurred.");
                }

                private static Task Write(HttpContext context, string body) => context.Response.WriteAsync(body);
            }
            """);
    }

    [Fact]
    public async Task Recursive_helpers_end_at_the_depth_limit()
    {
        await Verifier.DiagnosticsAsync("""
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (Exception ex) { await Ping(context, [|ex.Message|], 3); }
                }

                private static Task Ping(HttpContext context, string text, int n) => n == 0 ? context.Response.WriteAsync(text) : Pong(context, text, n - 1);
                private static Task Pong(HttpContext context, string text, int n) => Ping(context, text, n);
            }
            """);
    }

    [Fact]
    public async Task The_message_names_every_helper_on_the_way()
    {
        var solution = Verification.TestWorkspace.Create(new[] { """
            public class ErrorMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try { await next(context); }
                    catch (Exception ex) { await Fail(context, ex.Message); }
                }

                private static Task Fail(HttpContext context, string message) => Write(context, message);
                private static Task Write(HttpContext context, string body) => context.Response.WriteAsJsonAsync(new { error = body });
            }
            """ }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer()));
        Assert.Equal("'ex.Message' reaches the HTTP response through 'Fail -> Write -> WriteAsJsonAsync'", Assert.Single(diagnostics).GetMessage());
    }
}
