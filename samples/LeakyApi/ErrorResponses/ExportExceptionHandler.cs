using Microsoft.AspNetCore.Diagnostics;
using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// An <see cref="IExceptionHandler"/> for the /exports routes that maps each exception to a status and a message with
/// a tuple switch. The fallback arm hands the exception's own message to the client.
/// </summary>
public sealed class ExportExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException or ApiException or OperationCanceledException || !httpContext.Request.Path.StartsWithSegments("/exports"))
            return false;

        var (status, message) = exception switch
        {
            TimeoutException => (StatusCodes.Status504GatewayTimeout, "The export timed out."),
            _ => (StatusCodes.Status500InternalServerError, exception.Message),
        };
        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(new { error = message }, cancellationToken); // expect: LEAK001
        return true;
    }
}
