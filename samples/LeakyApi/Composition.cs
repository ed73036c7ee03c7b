using LeakyApi.DebugFeatures;
using LeakyApi.ErrorResponses;
using LeakyApi.Logging;

namespace LeakyApi;

/// <summary>
/// The app is composed from one extension method per area (errors in responses, catch-alls, logging, debug
/// features), each living in its own folder; this file only calls them, one line per area.
/// </summary>
public static class Composition
{
    public static IServiceCollection AddLeakyApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Areas: services.AddXxxArea(configuration);
        services.AddErrorResponsesArea(configuration);
        services.AddDebugFeaturesArea(configuration);
        return services;
    }

    public static WebApplication UseLeakyApiPipeline(this WebApplication app)
    {
        // Areas: app.UseXxxArea();
        app.UseErrorResponsesArea();
        app.UseDebugFeaturesArea();
        app.UseCatchAllArea();
        return app;
    }

    public static WebApplication MapLeakyApiEndpoints(this WebApplication app)
    {
        // Areas: app.MapXxxArea();
        app.MapErrorResponsesArea();
        app.MapLoggingArea();
        return app;
    }
}
