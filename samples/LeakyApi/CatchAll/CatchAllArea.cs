using LeakyApi.CatchAll;

namespace LeakyApi;

/// <summary>
/// LEAK003 area: catch-all handlers that turn deliberate HTTP errors (400/413 for bad bodies, the app's own 404s,
/// aborted requests) into 500s, each next to a twin that lets them through.
/// </summary>
public static class CatchAllArea
{
    public static WebApplication UseCatchAllArea(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/catch-all/leaky"), branch => branch.UseMiddleware<LeakyErrorMiddleware>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/catch-all/clean"), branch => branch.UseMiddleware<ErrorMiddleware>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/catch-all/mapped"), branch => branch.UseMiddleware<MappingErrorMiddleware>());
        CatchAllPipelines.Map(app);
        CatchAllEndpoints.Map(app);
        return app;
    }
}
