using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>The common shape that hands the exception to a helper (<c>HandleExceptionAsync(context, ex)</c>).</summary>
public class HelperTests
{
    private static string Middleware(string helperBody) => """
        public sealed class ErrorMiddleware
        {
            private readonly RequestDelegate _next;
            public ErrorMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                try
                {
                    await _next(context);
                }
                MARKER
                {
                    await HandleExceptionAsync(context, ex);
                }
            }

            private static Task HandleExceptionAsync(HttpContext context, Exception exception)
            {
                BODY
            }
        }

        public class ApiException : Exception
        {
            public int StatusCode { get; init; } = 500;
        }
        """.Replace("BODY", helperBody);

    [Fact]
    public async Task Helper_mapping_every_deliberate_type_passes()
    {
        await Verifier.DiagnosticsAsync(Middleware("""
            context.Response.StatusCode = exception switch
                    {
                        BadHttpRequestException bad => bad.StatusCode,
                        ApiException api => api.StatusCode,
                        OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
                        _ => 500,
                    };
                    return context.Response.WriteAsync("failed");
            """).Replace("MARKER", "catch (Exception ex)"));
    }

    [Fact]
    public async Task Helper_mapping_only_some_types_reports_the_rest()
    {
        var source = Middleware("""
            context.Response.StatusCode = exception is ApiException ? 400 : 500;
                    return context.Response.WriteAsync("failed");
            """).Replace("MARKER", "[|catch (Exception ex)|]");
        await Verifier.DiagnosticsAsync(source);
        var solution = Verification.TestWorkspace.Create(new[] { source.Replace("[|", "").Replace("|]", "") }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer()));
        Assert.Contains("turns BadHttpRequestException and OperationCanceledException into a 500", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Helper_that_answers_500_for_everything_is_reported()
    {
        await Verifier.DiagnosticsAsync(Middleware("""
            context.Response.StatusCode = 500;
                    return context.Response.WriteAsync("failed " + exception.GetType().Name.Length);
            """).Replace("MARKER", "[|catch (Exception ex)|]"));
    }

    [Fact]
    public async Task Helper_switch_statement_two_levels_down_passes()
    {
        await Verifier.DiagnosticsAsync(Middleware("""
            context.Response.StatusCode = StatusFor(exception, context);
                    return Task.CompletedTask;
                }

                private static int StatusFor(Exception error, HttpContext context)
                {
                    if (context.RequestAborted.IsCancellationRequested)
                        return 499;
                    switch (error)
                    {
                        case BadHttpRequestException:
                            return 400;
                        case ApiException:
                            return 422;
                        default:
                            return 500;
                    }
            """).Replace("MARKER", "catch (Exception ex)"));
    }
}
