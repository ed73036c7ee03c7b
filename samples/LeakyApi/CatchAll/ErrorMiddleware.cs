namespace LeakyApi.CatchAll;

/// <summary>Wrong: every failure below becomes a 500, including a 413 for an oversized body and the app's 404s.</summary>
public sealed class LeakyErrorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<LeakyErrorMiddleware> _logger;

    public LeakyErrorMiddleware(RequestDelegate next, ILogger<LeakyErrorMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception ex) // expect: LEAK003
        {
            _logger.LogError(ex, "Unhandled error");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("Something went wrong.");
        }
    }
}

/// <summary>Right: deliberate errors keep their status; everything else becomes a logged 500.</summary>
public sealed class ErrorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorMiddleware> _logger;

    public ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

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
        catch (Exception ex)
        {
            if (ex is ApiException api)
            {
                context.Response.StatusCode = api.StatusCode;
                return;
            }
            _logger.LogError(ex, "Unhandled error");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("Something went wrong.");
        }
    }
}

/// <summary>Right, in the common helper shape: the helper maps each deliberate error to the status it carries.</summary>
public sealed class MappingErrorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<MappingErrorMiddleware> _logger;

    public MappingErrorMiddleware(RequestDelegate next, ILogger<MappingErrorMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception ex)
        {
            await HandleExceptionAsync(context, ex);
        }
    }

    private Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        if (context.RequestAborted.IsCancellationRequested)
            return Task.CompletedTask;
        context.Response.StatusCode = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            ApiException api => api.StatusCode,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (context.Response.StatusCode == StatusCodes.Status500InternalServerError)
            _logger.LogError(exception, "Unhandled error");
        return context.Response.WriteAsync("Request failed.");
    }
}
