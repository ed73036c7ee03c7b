using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// A global MVC exception filter that turns unhandled controller exceptions into JSON errors. Deliberate HTTP
/// errors are left to the framework.
/// </summary>
public sealed class ApiExceptionFilter(IHostEnvironment environment, ILogger<ApiExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is BadHttpRequestException or ApiException or OperationCanceledException)
            return;

        logger.LogError(context.Exception, "Unhandled exception in {Action}", context.ActionDescriptor.DisplayName);
        var body = new Dictionary<string, object?>
        {
            ["error"] = "The request failed.",
            ["exception"] = context.Exception.Message,
        };
        // Clean: the stack trace only in Development.
        if (environment.IsDevelopment())
            body["stackTrace"] = context.Exception.StackTrace;
        context.Result = new ObjectResult(body) { StatusCode = StatusCodes.Status500InternalServerError }; // expect: LEAK001
        context.ExceptionHandled = true;
    }
}
