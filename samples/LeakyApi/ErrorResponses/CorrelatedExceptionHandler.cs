using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// The clean twin of <see cref="DetailedExceptionHandler"/>: a generic problem details body with a correlation ID;
/// the exception goes to the log, and its stack trace to the body only in Development.
/// </summary>
public sealed class CorrelatedExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<CorrelatedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException or ApiException or OperationCanceledException)
            return false;

        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        logger.LogError(exception, "Unhandled error {ErrorId}", errorId);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var context = new ProblemDetailsContext { HttpContext = httpContext };
        context.ProblemDetails.Title = "An unexpected error occurred";
        context.ProblemDetails.Extensions["errorId"] = errorId;
        if (environment.IsDevelopment())
            context.ProblemDetails.Extensions["stackTrace"] = exception.StackTrace;
        return await problemDetails.TryWriteAsync(context);
    }
}
