using Microsoft.AspNetCore.Diagnostics;
using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// An <see cref="IExceptionHandler"/> for the /reports routes that puts the exception into a problem details body.
/// Deliberate HTTP errors and other routes are left to the next handler.
/// </summary>
public sealed class DetailedExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException or ApiException or OperationCanceledException || !httpContext.Request.Path.StartsWithSegments("/reports"))
            return false;

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var context = new ProblemDetailsContext { HttpContext = httpContext };
        context.ProblemDetails.Title = "Report generation failed";
        context.ProblemDetails.Detail = exception.Message; // expect: LEAK001
        return await problemDetails.TryWriteAsync(context);
    }
}
