using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>LEAK003 in MVC and Web API 2 exception filters: catch-alls by nature, reported at the method name.</summary>
public class ExceptionFilterTests
{
    [Fact]
    public async Task Sync_filter_answering_500_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                public void [|OnException|](ExceptionContext context)
                {
                    context.Result = new ObjectResult("error") { StatusCode = 500 };
                    context.ExceptionHandled = true;
                }
            }
            """);
    }

    [Fact]
    public async Task Async_filter_answering_500_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
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
            """);
    }

    [Fact]
    public async Task Filter_attribute_override_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorAttribute : ExceptionFilterAttribute
            {
                public override void [|OnException|](ExceptionContext context)
                {
                    context.Result = new StatusCodeResult(500);
                }
            }
            """);
    }

    [Fact]
    public async Task Filter_returning_early_for_deliberate_errors_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is BadHttpRequestException)
                        return;
                    if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
                        return;
                    context.Result = new StatusCodeResult(500);
                    context.ExceptionHandled = true;
                }
            }
            """);
    }

    [Fact]
    public async Task Filter_handling_only_its_own_types_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ValidationFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is ArgumentException argument)
                    {
                        context.Result = new BadRequestObjectResult(argument.ParamName);
                        context.ExceptionHandled = true;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Logging_only_filter_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class LoggingFilter : IExceptionFilter
            {
                private readonly ILogger<LoggingFilter> _logger;
                public LoggingFilter(ILogger<LoggingFilter> logger) => _logger = logger;

                public void OnException(ExceptionContext context) => _logger.LogError(context.Exception, "Unhandled");
            }
            """);
    }

    [Fact]
    public async Task Filter_mapping_status_with_switch_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    var status = context.Exception switch
                    {
                        BadHttpRequestException bad => bad.StatusCode,
                        OperationCanceledException => 499,
                        _ => 500,
                    };
                    context.Result = new StatusCodeResult(status);
                    context.ExceptionHandled = true;
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_filter_swallowing_project_status_exception_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Net;
            using System.Net.Http;
            using System.Web.Http.Filters;

            public sealed class ApiErrorAttribute : ExceptionFilterAttribute
            {
                public override void [|OnException|](HttpActionExecutedContext context)
                {
                    context.Response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
                }
            }

            public sealed class NotFoundException : Exception
            {
                public HttpStatusCode StatusCode => HttpStatusCode.NotFound;
            }
            """);
    }

    [Fact]
    public async Task Web_api_filter_without_project_status_exceptions_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Net;
            using System.Net.Http;
            using System.Web.Http.Filters;

            public sealed class ApiErrorAttribute : ExceptionFilterAttribute
            {
                public override void OnException(HttpActionExecutedContext context)
                {
                    context.Response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
                }
            }
            """);
    }
}
