namespace LeakAnalyzers.Bench.Generation;

/// <summary>Minimal-API endpoints for one module: lambdas with injected services, Results.*, try/catch.</summary>
internal static class EndpointTemplate
{
    public static string Render(Module m, LeakDice dice)
    {
        var postFailure = dice.Leak("LEAK001")
            ? "return Results.Problem(ex.ToString());"
            : "return Results.Problem(\"The item could not be created.\");";
        var tokenLog = dice.Leak("LEAK004")
            ? "logger.LogDebug(\"Refreshing with {Token}\", http.Request.Headers.Authorization.ToString());"
            : "logger.LogDebug(\"Refreshing for {Path}\", http.Request.Path);";

        return $$"""
            namespace {{m.Namespace}};

            public static class {{m.Entity}}Endpoints
            {
                public static IEndpointRouteBuilder Map{{m.Entity}}Endpoints(this IEndpointRouteBuilder routes)
                {
                    var group = routes.MapGroup("/min/{{m.Route}}");

                    group.MapGet("/{id:int}", async (int id, {{m.ServiceInterface}} service, ILogger<{{m.Service}}> logger, CancellationToken ct) =>
                    {
                        logger.LogDebug("Minimal GET {{m.Entity}} {Id}", id);
                        var item = await service.GetAsync(id, ct);
                        return item is null ? Results.NotFound() : Results.Ok(item);
                    });

                    group.MapPost("/", async (Create{{m.Entity}}Request request, {{m.ServiceInterface}} service, ILogger<{{m.Service}}> logger, CancellationToken ct) =>
                    {
                        try
                        {
                            var created = await service.CreateAsync(request, ct);
                            logger.LogInformation("Minimal POST created {{m.Entity}} {Id}", created.Id);
                            return Results.Created($"/min/{{m.Route}}/{created.Id}", created);
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Minimal POST {{m.Entity}} failed");
                            {{postFailure}}
                        }
                    });

                    group.MapPost("/refresh", (HttpContext http, ILogger<{{m.Service}}> logger) =>
                    {
                        {{tokenLog}}
                        return Results.NoContent();
                    });

                    group.MapDelete("/{id:int}", async (int id, {{m.ServiceInterface}} service, CancellationToken ct) =>
                        await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound());

                    return routes;
                }
            }

            """;
    }
}
