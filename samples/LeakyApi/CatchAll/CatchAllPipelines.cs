using Microsoft.AspNetCore.Diagnostics;

namespace LeakyApi.CatchAll;

/// <summary><c>app.Use</c> lambdas and <c>UseExceptionHandler</c> delegates, wrong and right, each on its own branch.</summary>
internal static class CatchAllPipelines
{
    public static void Map(WebApplication app)
    {
        app.Map("/catch-all/use/leaky", branch => branch.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception) // expect: LEAK003
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }));

        app.Map("/catch-all/use/clean", branch => branch.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (ex is not (BadHttpRequestException or ApiException or OperationCanceledException))
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }));

        app.Map("/catch-all/handler/leaky", branch => branch.UseExceptionHandler(errorApp => errorApp.Run(async context => // expect: LEAK003
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("Something went wrong.");
        })));

        app.Map("/catch-all/handler/clean", branch => branch.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            context.Response.StatusCode = error switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                ApiException api => api.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            };
            await context.Response.WriteAsync("Request failed.");
        })));
    }
}
