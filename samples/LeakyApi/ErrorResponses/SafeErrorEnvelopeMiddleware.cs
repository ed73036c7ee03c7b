using System.Diagnostics;
using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// The clean twin of <see cref="ErrorEnvelopeMiddleware"/>: the client gets a generic body and a random correlation
/// ID (the W3C trace id, else a GUID); the log gets the exception under the same ID.
/// </summary>
public sealed class SafeErrorEnvelopeMiddleware(RequestDelegate next, ILogger<SafeErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not (BadHttpRequestException or ApiException or OperationCanceledException) && !context.Response.HasStarted)
        {
            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers["X-Error-Id"] = errorId;
            await context.Response.WriteAsJsonAsync(new { error = "An unexpected error occurred.", errorId });
        }
    }
}
