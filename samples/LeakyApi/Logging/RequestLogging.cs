namespace LeakyApi.Logging;

/// <summary>Authorization headers and cookies are credentials.</summary>
public sealed class LeakyRequestLogging(ILogger<LeakyRequestLogging> logger)
{
    public IResult Log(HttpContext context)
    {
        logger.LogDebug("Authorization: {Authorization}", context.Request.Headers.Authorization.ToString()); // expect: LEAK004
        logger.LogDebug("Session cookie {Session}", context.Request.Cookies[".AspNetCore.Session"]); // expect: LEAK004
        using (logger.BeginScope(new Dictionary<string, object?> { ["Path"] = context.Request.Path.Value, ["ApiKey"] = context.Request.Headers["X-Api-Key"].ToString() })) // expect: LEAK004
        {
            logger.LogInformation("Request handled");
        }
        return Results.Ok();
    }
}

/// <summary>The twin: whether a credential was sent, never its value.</summary>
public sealed class CleanRequestLogging(ILogger<CleanRequestLogging> logger)
{
    public IResult Log(HttpContext context)
    {
        logger.LogDebug("Has Authorization header: {HasAuthorization}", context.Request.Headers.Authorization.Count > 0);
        logger.LogDebug("Has session cookie: {HasSession}", context.Request.Cookies.ContainsKey(".AspNetCore.Session"));
        using (logger.BeginScope(new Dictionary<string, object?> { ["Path"] = context.Request.Path.Value, ["HasApiKey"] = context.Request.Headers.ContainsKey("X-Api-Key") }))
        {
            logger.LogInformation("Request handled");
        }
        return Results.Ok();
    }
}
