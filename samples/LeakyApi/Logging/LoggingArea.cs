namespace LeakyApi.Logging;

/// <summary>
/// Secrets in logs (LEAK004): each leaky class has a clean twin that logs the same events without the secret.
/// </summary>
public static class LoggingArea
{
    public static WebApplication MapLoggingArea(this WebApplication app)
    {
        var group = app.MapGroup("/logging");
        group.MapPost("/leaky/login", (LoginRequest request, ILogger<LeakyLogin> logger) => new LeakyLogin(logger).Login(request));
        group.MapPost("/clean/login", (LoginRequest request, ILogger<CleanLogin> logger) => new CleanLogin(logger).Login(request));
        group.MapGet("/leaky/config", (IConfiguration configuration, ILogger<LeakyConfigurationDump> logger) => new LeakyConfigurationDump(configuration, logger).Dump());
        group.MapGet("/clean/config", (IConfiguration configuration, ILogger<CleanConfigurationDump> logger) => new CleanConfigurationDump(configuration, logger).Dump());
        group.MapGet("/leaky/headers", (HttpContext context, ILogger<LeakyRequestLogging> logger) => new LeakyRequestLogging(logger).Log(context));
        group.MapGet("/clean/headers", (HttpContext context, ILogger<CleanRequestLogging> logger) => new CleanRequestLogging(logger).Log(context));
        return app;
    }
}

/// <summary>The record's generated ToString prints Password: logging the whole request leaks it.</summary>
public record LoginRequest(string UserName, string Password, string? CardNumber = null);

/// <summary>The twin for clean code: the record prints only what may be logged.</summary>
public record SafeLoginRequest(string UserName, string Password)
{
    public override string ToString() => $"SafeLoginRequest {{ UserName = {UserName} }}";
}
