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

    [Fact]
    public async Task App_use_lambdas_are_fixed_all_at_once_including_nested_handlers()
    {
        await Verifier.FixAsync("""
            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                [|catch (Exception)|]
                {
                    try
                    {
                        await next(context);
                    }
                    [|catch|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            });
            app.Run();
            """, """
            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
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
                    try
                    {
                        await next(context);
                    }
                    catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Interceptor_gets_rethrowing_rpc_exception_clause()
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
                    [|catch (Exception)|]
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error"));
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
                    catch (RpcException)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error"));
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Endpoint_gets_a_clause_for_a_project_type_from_another_namespace_with_its_using()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Api
            {
                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult Get(int id)
                    {
                        try
                        {
                            if (id <= 0)
                                throw new Shop.Domain.NotFoundException();
                            return Ok(id);
                        }
                        [|catch (Exception)|]
                        {
                            return StatusCode(500);
                        }
                    }
                }
            }

            namespace Shop.Domain
            {
                public sealed class NotFoundException : Exception
                {
                    public int StatusCode => 404;
                }
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Shop.Domain;

            namespace Shop.Api
            {
                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult Get(int id)
                    {
                        try
                        {
                            if (id <= 0)
                                throw new Shop.Domain.NotFoundException();
                            return Ok(id);
                        }
                        catch (NotFoundException)
                        {
                            throw;
                        }
                        catch (Exception)
                        {
                            return StatusCode(500);
                        }
                    }
                }
            }

            namespace Shop.Domain
            {
                public sealed class NotFoundException : Exception
                {
                    public int StatusCode => 404;
                }
            }
            """);
    }

    [Fact]
    public async Task Sync_filter_gets_early_returns()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                public void [|OnException|](ExceptionContext context)
                {
                    context.Result = new StatusCodeResult(500);
                    context.ExceptionHandled = true;
                }
            }

            public sealed class GoneException : Exception
            {
                public System.Net.HttpStatusCode StatusCode => System.Net.HttpStatusCode.Gone;
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is BadHttpRequestException or GoneException)
                    {
                        return;
                    }

                    if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        return;
                    }

                    context.Result = new StatusCodeResult(500);
                    context.ExceptionHandled = true;
                }
            }

            public sealed class GoneException : Exception
            {
                public System.Net.HttpStatusCode StatusCode => System.Net.HttpStatusCode.Gone;
            }
            """);
    }

    [Fact]
    public async Task Async_filter_returning_task_gets_completed_task_return()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IAsyncExceptionFilter
            {
                public Task [|OnExceptionAsync|](ExceptionContext context)
                {
                    context.Result = new StatusCodeResult(500);
                    return Task.CompletedTask;
                }
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IAsyncExceptionFilter
            {
                public Task OnExceptionAsync(ExceptionContext context)
                {
                    if (context.Exception is BadHttpRequestException)
                    {
                        return Task.CompletedTask;
                    }

                    if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        return Task.CompletedTask;
                    }

                    context.Result = new StatusCodeResult(500);
                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task Expression_bodied_filter_attribute_override_becomes_a_block()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorAttribute : ExceptionFilterAttribute
            {
                public override void [|OnException|](ExceptionContext context) => context.Result = new StatusCodeResult(500);
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorAttribute : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    if (context.Exception is BadHttpRequestException)
                    {
                        return;
                    }

                    if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        return;
                    }

                    context.Result = new StatusCodeResult(500);
                }
            }
            """);
    }

    [Fact]
    public async Task Async_try_handle_gets_return_false()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> [|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsync("error", cancellationToken);
                    return true;
                }
            }
            """, """
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is BadHttpRequestException)
                    {
                        return false;
                    }

                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsync("error", cancellationToken);
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Non_async_try_handle_gets_value_task_false()
    {
        await Verifier.FixAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public ValueTask<bool> [|TryHandleAsync|](HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    return ValueTask.FromResult(true);
                }
            }
            """, """
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is BadHttpRequestException)
                    {
                        return ValueTask.FromResult(false);
                    }

                    httpContext.Response.StatusCode = 500;
                    return ValueTask.FromResult(true);
                }
            }
            """);
    }

    [Fact]
    public async Task Use_exception_handler_delegate_answers_with_the_exceptions_own_status()
    {
        await Verifier.FixAsync("""
            var app = WebApplication.Create();
            app.UseExceptionHandler(errorApp => errorApp.Run([|async context =>|]
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Something went wrong");
            }));
            app.Run();

            public sealed class TeapotException : Exception
            {
                public System.Net.HttpStatusCode StatusCode => (System.Net.HttpStatusCode)418;
            }
            """, """
            using Microsoft.AspNetCore.Diagnostics;

            var app = WebApplication.Create();
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                if (context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException badHttpRequestException)
                {
                    context.Response.StatusCode = badHttpRequestException.StatusCode;
                    return;
                }

                if (context.Features.Get<IExceptionHandlerFeature>()?.Error is TeapotException teapotException)
                {
                    context.Response.StatusCode = (int)teapotException.StatusCode;
                    return;
                }

                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Something went wrong");
            }));
            app.Run();

            public sealed class TeapotException : Exception
            {
                public System.Net.HttpStatusCode StatusCode => (System.Net.HttpStatusCode)418;
            }
            """);
    }

    [Fact]
    public async Task Two_middleware_classes_in_one_document_are_fixed_together()
    {
        const string Class = """
            public sealed class NAME
            {
                private readonly RequestDelegate _next;
                public NAME(RequestDelegate next) => _next = next;

                public async Task Invoke(HttpContext http)
                {
                    try
                    {
                        await _next(http);
                    }
                    CLAUSES
                    {
                        http.Response.StatusCode = 500;
                    }
                }
            }
            """;
        const string Fixed = """
            catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex)
            """;
        var source = Class.Replace("NAME", "First").Replace("CLAUSES", "[|catch (Exception ex)|]") + "\n\n"
                     + Class.Replace("NAME", "Second").Replace("CLAUSES", "[|catch (Exception ex)|]");
        var fixedSource = Class.Replace("NAME", "First").Replace("CLAUSES", Fixed) + "\n\n"
                          + Class.Replace("NAME", "Second").Replace("CLAUSES", Fixed);
        await Verifier.FixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Endpoint_filter_gets_clauses_using_the_contexts_http_context()
    {
        await Verifier.FixAsync("""
            public sealed class ErrorEndpointFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    try
                    {
                        return await next(context);
                    }
                    [|catch (Exception)|]
                    {
                        return Results.Problem(statusCode: 500);
                    }
                }
            }
            """, """
            public sealed class ErrorEndpointFilter : IEndpointFilter
            {
                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    try
                    {
                        return await next(context);
                    }
                    catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        return Results.Problem(statusCode: 500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_filter_gets_an_early_return_for_project_status_exceptions()
    {
        await Verifier.FixAsync("""
            using System.Net;
            using System.Net.Http;
            using System.Web.Http.Filters;

            public sealed class ApiErrorAttribute : ExceptionFilterAttribute
            {
                public override Task [|OnExceptionAsync|](HttpActionExecutedContext context, CancellationToken cancellationToken)
                {
                    context.Response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
                    return Task.CompletedTask;
                }
            }

            public class ApiException : Exception
            {
                public HttpStatusCode StatusCode { get; set; }
            }

            public sealed class NotFoundException : ApiException { }
            """, """
            using System.Net;
            using System.Net.Http;
            using System.Web.Http.Filters;

            public sealed class ApiErrorAttribute : ExceptionFilterAttribute
            {
                public override Task OnExceptionAsync(HttpActionExecutedContext context, CancellationToken cancellationToken)
                {
                    if (context.Exception is ApiException)
                    {
                        return Task.CompletedTask;
                    }

                    context.Response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
                    return Task.CompletedTask;
                }
            }

            public class ApiException : Exception
            {
                public HttpStatusCode StatusCode { get; set; }
            }

            public sealed class NotFoundException : ApiException { }
            """);
    }
}
