using Microsoft.AspNetCore.Mvc;

namespace LeakyApi.CatchAll;

/// <summary>Endpoint code whose try visibly raises deliberate errors: body reads and the app's own 404s.</summary>
internal static class CatchAllEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/catch-all/orders/leaky", async (HttpRequest request) =>
        {
            try
            {
                var order = await request.ReadFromJsonAsync<OrderInput>();
                return Results.Ok(order);
            }
            catch (Exception) // expect: LEAK003
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
        });

        app.MapPost("/catch-all/orders/clean", async (HttpRequest request) =>
        {
            try
            {
                var order = await request.ReadFromJsonAsync<OrderInput>();
                return Results.Ok(order);
            }
            catch (BadHttpRequestException bad)
            {
                return Results.StatusCode(bad.StatusCode);
            }
            catch (Exception)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
        });

        // Handlers kept in a class of their own and mapped as method groups are endpoints too.
        app.MapPost("/catch-all/uploads", UploadHandlers.Upload);
    }
}

/// <summary>A handler mapped as a method group: the mapping above makes it an endpoint.</summary>
internal static class UploadHandlers
{
    public static async Task<IResult> Upload(HttpRequest request)
    {
        try
        {
            var form = await request.ReadFormAsync();
            return Results.Ok(form.Files.Count);
        }
        catch (Exception) // expect: LEAK003
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }
}

public sealed record OrderInput(string Product, int Quantity);

[ApiController]
[Route("catch-all/orders")]
public sealed class CatchAllOrdersController : ControllerBase
{
    [HttpGet("leaky/{id:int}")]
    public IActionResult GetLeaky(int id)
    {
        try
        {
            return Ok(Find(id));
        }
        catch (Exception) // expect: LEAK003
        {
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    [HttpGet("clean/{id:int}")]
    public IActionResult GetClean(int id)
    {
        try
        {
            return Ok(Find(id));
        }
        catch (ApiException api)
        {
            return StatusCode(api.StatusCode);
        }
        catch (Exception)
        {
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private static string Find(int id) => id > 0 ? "order " + id : throw new NotFoundException("Order " + id);
}
