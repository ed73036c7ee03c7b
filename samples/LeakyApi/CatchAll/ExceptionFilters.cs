using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LeakyApi.CatchAll;

/// <summary>Wrong: the filter answers 500 for every exception, deliberate ones included.</summary>
public sealed class LeakyErrorFilterAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context) // expect: LEAK003
    {
        context.Result = new StatusCodeResult(StatusCodes.Status500InternalServerError);
        context.ExceptionHandled = true;
    }
}

/// <summary>Right: deliberate errors are left to the framework (and the app's own mapping).</summary>
public sealed class ErrorFilterAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context)
    {
        if (context.Exception is BadHttpRequestException or ApiException)
            return;
        if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
            return;
        context.Result = new StatusCodeResult(StatusCodes.Status500InternalServerError);
        context.ExceptionHandled = true;
    }
}

/// <summary>Wrong: claims every exception, so the framework's 400/413 and the app's 404s become 500s.</summary>
public sealed class LeakyExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) // expect: LEAK003
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(new { error = "Something went wrong." }, cancellationToken);
        return true;
    }
}

/// <summary>Right: returns false for deliberate errors so the next handler (or the framework) answers them.</summary>
public sealed class CleanExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException or ApiException)
            return false;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(new { error = "Something went wrong." }, cancellationToken);
        return true;
    }
}
