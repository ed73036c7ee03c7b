namespace LeakyApi.Logging;

/// <summary>Logging every configuration key and value logs every secret in it.</summary>
public sealed class LeakyConfigurationDump(IConfiguration configuration, ILogger<LeakyConfigurationDump> logger)
{
    public IResult Dump()
    {
        foreach (var pair in configuration.AsEnumerable())
            logger.LogDebug("{Key} = {Value}", pair.Key, pair.Value); // expect: LEAK004
        logger.LogInformation("Database {ConnectionString}", configuration.GetConnectionString("Default")); // expect: LEAK004
        logger.LogInformation("Signing with {Key}", configuration["Jwt:SigningKey"]); // expect: LEAK004
        return Results.Ok();
    }
}

/// <summary>The twin: keys only, and non-secret values read by name.</summary>
public sealed class CleanConfigurationDump(IConfiguration configuration, ILogger<CleanConfigurationDump> logger)
{
    public IResult Dump()
    {
        logger.LogDebug("Configuration keys: {Keys}", string.Join(", ", configuration.AsEnumerable().Select(pair => pair.Key)));
        logger.LogInformation("Database configured: {Configured}", configuration.GetConnectionString("Default") is not null);
        logger.LogInformation("Issuer {Issuer}", configuration["Jwt:Issuer"]);
        return Results.Ok();
    }
}
