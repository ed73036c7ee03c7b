using LeakyApi.CatchAll;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// Legacy error middleware for the /legacy routes: it answers every unexpected exception itself, and writes the
/// exception's type and message straight into the response. Deliberate HTTP errors (the framework's 400/413s, the
/// app's own <see cref="ApiException"/>) pass through untouched.
/// </summary>
public sealed class ErrorEnvelopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not (BadHttpRequestException or ApiException or OperationCanceledException) && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers["X-Error-Type"] = ex.GetType().FullName; // expect: LEAK001
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(ex.Message); // expect: LEAK001
        }
    }
}
