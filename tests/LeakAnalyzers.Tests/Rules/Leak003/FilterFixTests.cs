using LeakAnalyzers.CodeFixes;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer, LeakAnalyzers.CodeFixes.LetDeliberateErrorsThroughCodeFix>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>The second LEAK003 action for catch clauses: a <c>when</c> filter that excludes the deliberate types.</summary>
public class FilterFixTests
{
    private const string Key = LetDeliberateErrorsThroughCodeFix.FilterEquivalenceKey;

    private static string Middleware(string clause) => """
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
                CLAUSE
                {
                    context.Response.StatusCode = 500;
                }
            }

            private static bool Log(Exception e) => e.Message.Length >= 0;
        }
        """.Replace("CLAUSE", clause);

    [Fact]
    public async Task Catch_without_variable_gets_one_and_a_filter()
    {
        await Verifier.FixAsync(
            Middleware("[|catch (Exception)|]"),
            Middleware("catch (Exception ex) when (ex is not BadHttpRequestException && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))"),
            equivalenceKey: Key);
    }

    [Fact]
    public async Task Bare_catch_becomes_a_filtered_exception_catch()
    {
        await Verifier.FixAsync(
            Middleware("[|catch|]"),
            Middleware("catch (Exception ex) when (ex is not BadHttpRequestException && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))"),
            equivalenceKey: Key);
    }

    [Fact]
    public async Task Existing_filter_is_kept_after_the_new_condition()
    {
        await Verifier.FixAsync(
            Middleware("[|catch (Exception e)|] when (Log(e) || e.Data.Count > 0)"),
            Middleware("catch (Exception e) when (e is not BadHttpRequestException && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested) && (Log(e) || e.Data.Count > 0))"),
            equivalenceKey: Key);
    }

    [Fact]
    public async Task Several_types_become_one_negated_or_pattern()
    {
        await Verifier.FixAsync("""
            using Grpc.Core;
            using Grpc.Core.Interceptors;

            public sealed class ErrorInterceptor : Interceptor
            {
                public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                    TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
                {
                    try
                    {
                        return await continuation(request, context);
                    }
                    [|catch (Exception ex)|]
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error " + ex.GetType().Name.Length));
                    }
                }
            }
            """, """
            using Grpc.Core;
            using Grpc.Core.Interceptors;

            public sealed class ErrorInterceptor : Interceptor
            {
                public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                    TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
                {
                    try
                    {
                        return await continuation(request, context);
                    }
                    catch (Exception ex) when (ex is not RpcException)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error " + ex.GetType().Name.Length));
                    }
                }
            }
            """, equivalenceKey: Key);
    }

    [Fact]
    public async Task Endpoint_with_two_raised_types_gets_an_or_pattern()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class UploadController : ControllerBase
            {
                public async Task<IActionResult> Upload()
                {
                    try
                    {
                        var form = await Request.ReadFormAsync();
                        if (form.Count == 0)
                            throw new GoneException();
                        return Ok(form.Count);
                    }
                    [|catch (Exception)|]
                    {
                        return StatusCode(500);
                    }
                }
            }

            public sealed class GoneException : Exception
            {
                public int StatusCode => 410;
            }
            """, """
            using Microsoft.AspNetCore.Mvc;

            public sealed class UploadController : ControllerBase
            {
                public async Task<IActionResult> Upload()
                {
                    try
                    {
                        var form = await Request.ReadFormAsync();
                        if (form.Count == 0)
                            throw new GoneException();
                        return Ok(form.Count);
                    }
                    catch (Exception ex) when (ex is not (BadHttpRequestException or GoneException))
                    {
                        return StatusCode(500);
                    }
                }
            }

            public sealed class GoneException : Exception
            {
                public int StatusCode => 410;
            }
            """, equivalenceKey: Key);
    }

    [Fact]
    public async Task Filters_and_handlers_offer_no_when_filter_action()
    {
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer(), new LetDeliberateErrorsThroughCodeFix())
        {
            CodeActionEquivalenceKey = Key,
        };
        test.Sources.Add("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public ValueTask<bool> [|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    return ValueTask.FromResult(true);
                }
            }
            """);
        test.FixedSources.Add(test.Sources[0]);
        await test.RunAsync();
    }
}
