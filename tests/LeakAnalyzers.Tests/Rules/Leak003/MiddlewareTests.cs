using LeakAnalyzers.Rules;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>LEAK003 in middleware classes and <c>app.Use</c> lambdas: catch-alls around the next delegate.</summary>
public class MiddlewareTests
{
    private const string Middleware = """
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
                CATCH
            }
        }
        """;

    private static string With(string catchClauses) => Middleware.Replace("CATCH", catchClauses);

    [Fact]
    public async Task Catch_all_answering_500_is_reported()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch (Exception ex)|]
                    {
                        context.Response.StatusCode = 500;
                        await context.Response.WriteAsync("error " + ex.GetType().Name.Length);
                    }
            """));
    }

    [Fact]
    public async Task Untyped_catch_is_reported()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch|]
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task Message_names_the_swallowed_types()
    {
        var test = new Verification.LeakTest(new CatchAllSwallowsHttpErrorsAnalyzer());
        test.Sources.Add(With("""
            [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
            """) + """

            public sealed class NotFoundException : Exception
            {
                public int StatusCode => 404;
            }
            """);
        await test.RunAsync();
        var source = test.Sources[0].Replace("[|", "").Replace("|]", "");
        var solution = Verification.TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(), System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new CatchAllSwallowsHttpErrorsAnalyzer()));
        Assert.Equal(
            "This catch-all handler turns BadHttpRequestException, NotFoundException and OperationCanceledException into a 500 response; let them through or map them to their own status",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Status_carrying_types_nested_in_classes_and_namespaces_are_found()
    {
        var source = With("""
            catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                    }
            """) + """

            namespace Shop.Errors
            {
                public static class ApiErrors
                {
                    public sealed class GoneError : Exception
                    {
                        public int StatusCode => 410;
                    }
                }
            }
            """;
        var solution = Verification.TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(), System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new CatchAllSwallowsHttpErrorsAnalyzer()));
        Assert.Contains("GoneError", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Earlier_catch_clauses_let_deliberate_errors_through()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                    }
                    catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task Earlier_clause_for_only_one_type_still_reports_the_other()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task When_filter_excluding_deliberate_types_passes()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (Exception ex) when (ex is not BadHttpRequestException && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task When_filter_not_excluding_them_is_reported()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch (Exception ex)|] when (ex is not InvalidOperationException)
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task Rethrow_on_every_path_passes()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (Exception ex)
                    {
                        if (ex.Message.Length > 10)
                        {
                            Console.WriteLine("long");
                            throw;
                        }
                        Console.WriteLine("short");
                        throw;
                    }
            """));
    }

    [Fact]
    public async Task Rethrow_on_some_paths_only_is_reported()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch (Exception ex)|]
                    {
                        if (ex.Message.Length > 10)
                            throw;
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task Type_tests_that_rethrow_deliberate_errors_pass()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (Exception ex)
                    {
                        if (ex is BadHttpRequestException || ex is OperationCanceledException)
                            throw;
                        context.Response.StatusCode = 500;
                    }
            """));
    }

    [Fact]
    public async Task Switch_mapping_to_the_exceptions_own_status_passes()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (Exception ex)
                    {
                        context.Response.StatusCode = ex switch
                        {
                            BadHttpRequestException bad => bad.StatusCode,
                            OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
                            _ => 500,
                        };
                    }
            """));
    }

    [Fact]
    public async Task Throwing_a_new_exception_is_not_a_rethrow()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch (Exception ex)|]
                    {
                        throw new InvalidOperationException("failed", ex);
                    }
            """));
    }

    [Fact]
    public async Task Dispatch_info_rethrow_passes()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (Exception ex)
                    {
                        Console.WriteLine(ex.GetType().Name.Length);
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
                    }
            """));
    }

    [Fact]
    public async Task Try_that_does_not_call_next_is_not_a_middleware_catch_all()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class TimingMiddleware
            {
                private readonly RequestDelegate _next;
                public TimingMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        Console.WriteLine(context.Request.Path);
                    }
                    catch (Exception)
                    {
                    }
                    await _next(context);
                }
            }
            """);
    }

    [Fact]
    public async Task Nested_try_reports_the_outer_catch_all_around_next()
    {
        await Verifier.DiagnosticsAsync(With("""
            [|catch (Exception)|]
                    {
                        try
                        {
                            await context.Response.WriteAsync("error");
                        }
                        catch (Exception)
                        {
                        }
                    }
            """));
    }

    [Fact]
    public async Task Inner_rethrowing_clause_does_not_protect_from_outer_catch_all()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        try
                        {
                            await _next(context);
                        }
                        catch (BadHttpRequestException)
                        {
                            throw;
                        }
                    }
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task App_use_async_lambda_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                [|catch (Exception)|]
                {
                    context.Response.StatusCode = 500;
                }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task App_use_lambda_with_func_next_and_filter_passes()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.Use(async (HttpContext context, Func<Task> next) =>
            {
                try
                {
                    await next();
                }
                catch (Exception ex) when (ex is not (BadHttpRequestException or OperationCanceledException))
                {
                    context.Response.StatusCode = 500;
                }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Project_status_exception_and_option_types_are_deliberate()
    {
        await Verifier.DiagnosticsAsync("""
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
                    catch (BadHttpRequestException) { throw; }
                    catch (OperationCanceledException) { throw; }
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }

            public class ConflictError : Exception
            {
                public int StatusCode { get; } = 409;
            }
            """);
        await Verifier.DiagnosticsAsync("""
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
                    catch (BadHttpRequestException) { throw; }
                    catch (OperationCanceledException) { throw; }
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }

            public class QuotaExceeded : Exception { }
            """, "dotnet_code_quality.LEAK003.deliberate_exception_types = QuotaExceeded");
    }

    [Fact]
    public async Task Catch_of_specific_type_is_not_a_catch_all()
    {
        await Verifier.DiagnosticsAsync(With("""
            catch (InvalidOperationException)
                    {
                        context.Response.StatusCode = 500;
                    }
            """));
    }
}
