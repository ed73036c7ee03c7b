using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeakyApi.DebugFeatures;

/// <summary>
/// LEAK005: detailed errors and debug features. Each leaky registration has a clean twin that switches the same
/// feature on only in Development (a guard that dominates it, or a value computed from the environment). Every leak
/// here has the environment in reach, so the code fix can repair all of them.
/// </summary>
public static class DebugFeaturesArea
{
    public static IServiceCollection AddDebugFeaturesArea(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Debug") ?? "Host=localhost;Database=debug";
        services.AddSignalR();
        services.AddSingleton<IConfigureOptions<HubOptions>, LeakyHubOptionsSetup>();
        services.AddSingleton<IConfigureOptions<HubOptions>, CleanHubOptionsSetup>();
        services.AddSingleton<IConfigureOptions<CircuitOptions>, LeakyCircuitOptionsSetup>();
        services.AddSingleton<IConfigureOptions<CircuitOptions>, CleanCircuitOptionsSetup>();
        services.AddDbContext<LeakyDebugDb>(o => o.UseNpgsql(connectionString));
        services.AddDbContext<CleanDebugDb>(o => o.UseNpgsql(connectionString));
        return services;
    }

    public static WebApplication UseDebugFeaturesArea(this WebApplication app)
    {
        UseLeakyErrorPages(app);
        UseCleanErrorPages(app);
        return app;
    }

    private static void UseLeakyErrorPages(WebApplication app)
    {
        // A Development check elsewhere in the method guards nothing.
        if (app.Environment.IsDevelopment())
        {
            app.Logger.LogInformation("Running in Development");
        }
        app.UseDeveloperExceptionPage(); // expect: LEAK005

        // The else of IsProduction() runs in Staging and every other environment.
        if (app.Environment.IsProduction())
            app.UseExceptionHandler("/error");
        else
            app.UseDeveloperExceptionPage(); // expect: LEAK005
    }

    private static void UseCleanErrorPages(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            return;
        }
        app.UseDeveloperExceptionPage();
    }

    /// <summary>Host settings, kept out of the running app.</summary>
    public static IWebHostBuilder ConfigureLeakyDebugHost(this IWebHostBuilder web, IHostEnvironment env)
    {
        web.UseSetting(WebHostDefaults.DetailedErrorsKey, "true"); // expect: LEAK005
        return web;
    }

    public static IWebHostBuilder ConfigureCleanDebugHost(this IWebHostBuilder web, IHostEnvironment env) =>
        env.IsDevelopment() ? web.UseSetting(WebHostDefaults.DetailedErrorsKey, "true") : web;
}

/// <summary>Leaky: detailed hub errors send exception messages to every client.</summary>
public sealed class LeakyHubOptionsSetup(IHostEnvironment env) : IConfigureOptions<HubOptions>
{
    public void Configure(HubOptions options)
    {
        options.EnableDetailedErrors = true; // expect: LEAK005
        options.MaximumReceiveMessageSize = env.IsProduction() ? 32 * 1024 : 64 * 1024;
    }
}

/// <summary>Clean twin: the value is the Development check itself.</summary>
public sealed class CleanHubOptionsSetup(IHostEnvironment env) : IConfigureOptions<HubOptions>
{
    public void Configure(HubOptions options) => options.EnableDetailedErrors = env.IsDevelopment();
}

/// <summary>Leaky: the else of IsProduction() also covers Staging.</summary>
public sealed class LeakyCircuitOptionsSetup(IHostEnvironment env) : IConfigureOptions<CircuitOptions>
{
    public void Configure(CircuitOptions options)
    {
        if (env.IsProduction())
            options.DisconnectedCircuitMaxRetained = 10;
        else
            options.DetailedErrors = true; // expect: LEAK005
    }
}

/// <summary>Clean twin: guarded by IsDevelopment().</summary>
public sealed class CleanCircuitOptionsSetup(IHostEnvironment env) : IConfigureOptions<CircuitOptions>
{
    public void Configure(CircuitOptions options)
    {
        if (env.IsDevelopment())
            options.DetailedErrors = true;
    }
}

/// <summary>Leaky: sensitive-data logging writes query parameter values (passwords, tokens) to the logs.</summary>
public sealed class LeakyDebugDb(DbContextOptions<LeakyDebugDb> options, IHostEnvironment env) : DbContext(options)
{
    public string EnvironmentName => env.EnvironmentName;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            .EnableSensitiveDataLogging() // expect: LEAK005
            .EnableDetailedErrors(true); // expect: LEAK005
}

/// <summary>Clean twin: only Development (and a Debug build) logs parameter values.</summary>
public sealed class CleanDebugDb(DbContextOptions<CleanDebugDb> options, IHostEnvironment env) : DbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.EnableDetailedErrors(env.IsDevelopment());
#if DEBUG
        optionsBuilder.EnableSensitiveDataLogging();
#endif
    }
}
