using LeakyApi.ErrorResponses.Data;
using LeakyApi.ErrorResponses.Domain;
using Microsoft.EntityFrameworkCore;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// Minimal-API endpoints: exception data in Results/TypedResults factories and in a handler's return value, next
/// to clean twins.
/// </summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.MapGroup("/api/catalog");

        catalog.MapGet("/prices/{sku}", async (string sku, PriceFeed feed, CancellationToken cancellationToken) =>
        {
            try
            {
                return Results.Ok(await feed.GetPriceAsync(sku, cancellationToken));
            }
            catch (Exception ex)
            {
                return Results.Problem(ex.Message); // expect: LEAK001
            }
        });

        catalog.MapGet("/prices/{sku}/safe", async (string sku, PriceFeed feed, ILogger<PriceFeed> logger, CancellationToken cancellationToken) =>
        {
            try
            {
                return Results.Ok(await feed.GetPriceAsync(sku, cancellationToken));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Price lookup for {Sku} failed", sku);
                return Results.Problem("The price is unavailable right now.", statusCode: StatusCodes.Status502BadGateway);
            }
        });

        catalog.MapGet("/prices/{sku}/debug", async (string sku, PriceFeed feed, IWebHostEnvironment environment, CancellationToken cancellationToken) =>
        {
            try
            {
                return Results.Ok(await feed.GetPriceAsync(sku, cancellationToken));
            }
            catch (Exception ex)
            {
                // Clean: the detail is chosen only in Development.
                return Results.Problem(environment.IsDevelopment() ? ex.ToString() : "The price is unavailable right now.");
            }
        });

        catalog.MapGet("/quote/{sku}", async (string sku, int quantity, PriceFeed feed, CancellationToken cancellationToken) =>
        {
            try
            {
                var price = await feed.GetPriceAsync(sku, cancellationToken);
                return $"{quantity} x {sku} = {price * quantity:0.00}";
            }
            catch (Exception ex)
            {
                // A handler's return value is the response body.
                return "Quote failed: " + ex.Message; // expect: LEAK001
            }
        });

        catalog.MapPost("/import", ImportAsync);
        catalog.MapGet("/orders/{customerId:int}", ListOrdersAsync);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(IFormFile file, ShopDbContext db, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        try
        {
            using var reader = new StreamReader(file.OpenReadStream());
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
                lines.Add(line);
            db.Customers.AddRange(lines.Select(l => l.Split(',')).Select(p => new Customer { Email = p[0], Name = p[1] }));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(lines.Count);
        }
        catch (IndexOutOfRangeException ex)
        {
            return TypedResults.BadRequest(ex.ToString()); // expect: LEAK001
        }
        catch (DbUpdateException ex)
        {
            return TypedResults.Conflict(new { error = "Import failed", reason = ex.InnerException?.Message }); // expect: LEAK002
        }
    }

    private static async Task<IResult> ListOrdersAsync(int customerId, ShopDbContext db, ILogger<ShopDbContext> logger, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await db.Orders.Where(o => o.CustomerId == customerId).ToListAsync(cancellationToken));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Listing orders of customer {CustomerId} failed", customerId);
            return TypedResults.Problem("The orders could not be listed.");
        }
    }
}
