using LeakyApi.ErrorResponses.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// Database health endpoints that write to <see cref="HttpResponse"/> directly: the leaky one echoes the
/// connection string and the Npgsql error, the clean twin only says whether to retry.
/// </summary>
public static class DatabaseDiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDatabaseDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        var diagnostics = endpoints.MapGroup("/diagnostics");

        diagnostics.MapGet("/db", async (HttpContext http, ShopDbContext db) =>
        {
            try
            {
                var canConnect = await db.Database.CanConnectAsync(http.RequestAborted);
                await http.Response.WriteAsJsonAsync(new { canConnect });
            }
            catch (NpgsqlException ex)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                var connection = db.Database.GetDbConnection();
                await http.Response.WriteAsJsonAsync(new { canConnect = false, connection.ConnectionString, error = ex.Message }); // expect: LEAK002
            }
        });

        diagnostics.MapGet("/db/safe", async (HttpContext http, ShopDbContext db, ILogger<ShopDbContext> logger) =>
        {
            try
            {
                var canConnect = await db.Database.CanConnectAsync(http.RequestAborted);
                await http.Response.WriteAsJsonAsync(new { canConnect });
            }
            catch (NpgsqlException ex)
            {
                logger.LogError(ex, "Database health check failed");
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await http.Response.WriteAsJsonAsync(new { canConnect = false, retryable = ex.IsTransient });
            }
        });

        return endpoints;
    }
}
