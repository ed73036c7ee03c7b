using LeakyApi.ErrorResponses.Data;
using LeakyApi.ErrorResponses.Domain;
using Microsoft.EntityFrameworkCore;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// LEAK001/LEAK002 area: exception and database details in HTTP responses. Controllers are found by
/// <c>AddControllers</c>/<c>MapControllers</c> in Program.cs; everything else is registered here.
/// </summary>
public static class ErrorResponsesArea
{
    public static IServiceCollection AddErrorResponsesArea(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered only: nothing connects to PostgreSQL at build time.
        services.AddDbContext<ShopDbContext>(options =>
            options.UseNpgsql(configuration.GetConnectionString("Shop") ?? "Host=localhost;Database=shop;Username=shop"));
        services.AddScoped<OrderService>();
        services.AddHttpClient<PriceFeed>(client => client.BaseAddress = new Uri("https://prices.example.com/"));
        services.AddCustomProblemDetails();
        services.AddExceptionHandler<DetailedExceptionHandler>();
        services.AddExceptionHandler<CorrelatedExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add<ApiExceptionFilter>());
        return services;
    }

    public static WebApplication UseErrorResponsesArea(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/legacy"), legacy => legacy.UseMiddleware<ErrorEnvelopeMiddleware>());
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/legacy"), modern => modern.UseMiddleware<SafeErrorEnvelopeMiddleware>());
        return app;
    }

    public static WebApplication MapErrorResponsesArea(this WebApplication app)
    {
        app.MapCatalogEndpoints();
        app.MapDatabaseDiagnostics();
        return app;
    }
}
