namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// A conventional middleware class around the next delegate: the clean form lets the deliberate HTTP errors
/// (BadHttpRequestException, the app's HttpStatusException, cancellation by the client) through;
/// leaky forms swallow it (LEAK003) or write the exception message to the response (LEAK001).
/// </summary>
internal static class MiddlewareTemplate
{
    public static string Render(Module m, LeakDice dice)
    {
        var letThrough = dice.Leak("LEAK003")
            ? string.Empty
            : """
                    catch (BadHttpRequestException)
                    {
                        throw;
                    }
                    catch (Contoso.Shop.Common.HttpStatusException)
                    {
                        throw;
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                        throw;
                    }
            """;
        var body = dice.Leak("LEAK001")
            ? "await context.Response.WriteAsync(ex.Message);"
            : "await context.Response.WriteAsync(\"An error occurred.\");";

        return $$"""
            namespace {{m.Namespace}};

            public sealed class {{m.Entity}}AuditMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<{{m.Entity}}AuditMiddleware> _logger;

                public {{m.Entity}}AuditMiddleware(RequestDelegate next, ILogger<{{m.Entity}}AuditMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    var started = DateTime.UtcNow;
                    _logger.LogDebug("Audit start {Method} {Path}", context.Request.Method, context.Request.Path);
                    try
                    {
                        await _next(context);
                    }
            {{letThrough}}
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Unhandled error for {Path}", context.Request.Path);
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                        {{body}}
                    }
                    finally
                    {
                        _logger.LogDebug("Handled {Path} in {Elapsed} ms", context.Request.Path, (DateTime.UtcNow - started).TotalMilliseconds);
                    }
                }
            }

            """;
    }
}
