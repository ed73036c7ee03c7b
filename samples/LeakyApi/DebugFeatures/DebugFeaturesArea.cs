using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LeakyApi.DebugFeatures;

/// <summary>
/// LEAK005: detailed errors and debug features. Each leaky registration has a clean twin that switches the same
/// feature on only in Development (a guard that dominates it, or a value computed from the environment).
/// </summary>
public static class DebugFeaturesArea
{
    public static IServiceCollection AddDebugFeaturesArea(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Debug") ?? "Host=localhost;Database=debug";

        // Leaky: detailed hub and circuit errors send exception messages to every client.
        services.AddSignalR(o => o.EnableDetailedErrors = true); // expect: LEAK005
        services.Configure<CircuitOptions>(o => o.DetailedErrors = true); // expect: LEAK005
        // Leaky: sensitive-data logging writes query parameter values (passwords, tokens) to the logs.
        services.AddDbContext<LeakyDebugDb>(o => o.UseNpgsql(connectionString)
            .EnableSensitiveDataLogging() // expect: LEAK005
            .EnableDetailedErrors()); // expect: LEAK005

        // Clean twins: the value comes from the environment, resolved when the options are built.
        services.AddOptions<HubOptions>().Configure<IHostEnvironment>((o, env) => o.EnableDetailedErrors = env.IsDevelopment());
        services.AddOptions<CircuitOptions>().Configure<IHostEnvironment>((o, env) => o.DetailedErrors = env.IsDevelopment());
        services.AddDbContext<CleanDebugDb>((provider, o) =>
        {
            var env = provider.GetRequiredService<IHostEnvironment>();
            o.UseNpgsql(connectionString)
                .EnableSensitiveDataLogging(env.IsDevelopment())
                .EnableDetailedErrors(env.IsDevelopment());
        });
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

    /// <summary>Host-level switches, kept out of the running app: forcing Development defeats every guard.</summary>
    public static IWebHostBuilder ConfigureLeakyDebugHost(this IWebHostBuilder web)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development"); // expect: LEAK005
        return web.UseSetting(WebHostDefaults.DetailedErrorsKey, "true"); // expect: LEAK005
    }

    public static IWebHostBuilder ConfigureCleanDebugHost(this IWebHostBuilder web, IHostEnvironment env) =>
        env.IsDevelopment() ? web.UseSetting(WebHostDefaults.DetailedErrorsKey, "true") : web;
}

/// <summary>Leaky: sensitive-data logging switched on for every environment.</summary>
public sealed class LeakyDebugDb(DbContextOptions<LeakyDebugDb> options) : DbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.EnableSensitiveDataLogging(); // expect: LEAK005
}

/// <summary>Clean twin: only a Debug build logs parameter values.</summary>
public sealed class CleanDebugDb(DbContextOptions<CleanDebugDb> options) : DbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
#if DEBUG
        optionsBuilder.EnableSensitiveDataLogging();
#endif
    }
}
