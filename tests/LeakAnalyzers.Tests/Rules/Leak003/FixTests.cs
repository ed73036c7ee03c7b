using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer, LeakAnalyzers.CodeFixes.LetDeliberateErrorsThroughCodeFix>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>The LEAK003 fix for each handler kind; the verifier also runs FixAll (document, project, solution).</summary>
public class FixTests
{
    [Fact]
    public async Task Middleware_gets_rethrowing_clauses_before_the_catch_all()
    {
        await Verifier.FixAsync("""
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
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """, """
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
                    catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """);
    }
}
