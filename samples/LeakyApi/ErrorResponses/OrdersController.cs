using LeakyApi.ErrorResponses.Domain;
using Microsoft.AspNetCore.Mvc;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// An API controller that plants each LEAK001 shape (exception data handed to an MVC helper or returned from an
/// action) next to a clean twin: log the exception and answer generically, return an operational message, or
/// show the detail only in Development.
/// </summary>
[ApiController]
[Route("api/orders")]
public sealed class OrdersController(OrderService orders, ILogger<OrdersController> logger, IWebHostEnvironment environment) : ControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        try
        {
            return Ok(await orders.FindAsync(id, cancellationToken));
        }
        catch (OrderNotFoundException ex)
        {
            // Clean: an operational exception's message is written for clients.
            return NotFound(ex.Message);
        }
        catch (Exception ex)
        {
            return BadRequest(ex.Message); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/safe")]
    public async Task<IActionResult> GetSafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            return Ok(await orders.FindAsync(id, cancellationToken));
        }
        catch (OrderNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
        catch (Exception ex)
        {
            // Clean: the detail goes to the log, the client gets a generic message.
            logger.LogError(ex, "Loading order {OrderId} failed", id);
            return Problem("The order could not be loaded.", statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    [HttpPost]
    public async Task<IActionResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.PlaceAsync(request.CustomerId, request.Lines, cancellationToken);
            return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
        }
        catch (InsufficientStockException ex)
        {
            return Conflict(ex.Message);
        }
        catch (Exception ex)
        {
            return StatusCode(StatusCodes.Status500InternalServerError, ex.StackTrace); // expect: LEAK001
        }
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken)
    {
        try
        {
            await orders.CancelAsync(id, cancellationToken);
            return NoContent();
        }
        catch (Exception ex)
        {
            return Problem(ex.ToString()); // expect: LEAK001
        }
    }

    [HttpPost("{id:int}/cancel-safe")]
    public async Task<IActionResult> CancelSafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            await orders.CancelAsync(id, cancellationToken);
            return NoContent();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Cancelling order {OrderId} failed", id);
            // Clean: the full exception only in Development.
            if (environment.IsDevelopment())
                return Problem(ex.ToString());
            return Problem("The order could not be cancelled.");
        }
    }

    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(order.Status);
        }
        catch (Exception ex)
        {
            return Problem(detail: "Order status is unavailable.", title: ex.GetType().Name); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/status-safe")]
    public async Task<IActionResult> StatusSafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(order.Status);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Status of order {OrderId} failed", id);
            // Clean: exception data used only in a condition, and a value that cannot carry text.
            if (ex.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase))
                return StatusCode(StatusCodes.Status504GatewayTimeout, "The order service timed out.");
            return StatusCode(StatusCodes.Status500InternalServerError, new { error = "Order status is unavailable.", code = ex.HResult });
        }
    }

    [HttpGet("{id:int}/invoice")]
    public async Task<IActionResult> Invoice(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new { order.Id, order.Total });
        }
        catch (Exception ex)
        {
            return Conflict(ex.InnerException?.Message); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/summary")]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new { order.Id, order.Status });
        }
        catch (Exception ex)
        {
            // Through a project helper method.
            return StatusCode(StatusCodes.Status500InternalServerError, ErrorText.Describe(ex)); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/summary-safe")]
    public async Task<IActionResult> SummarySafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new { order.Id, order.Status });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Summary of order {OrderId} failed", id);
            return StatusCode(StatusCodes.Status500InternalServerError, ErrorText.Generic("order summary"));
        }
    }

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new[] { order.Status });
        }
        catch (Exception ex)
        {
            // Through a local and an anonymous object.
            var error = new { code = "history_failed", message = ex.Message, trace = ex.StackTrace };
            return StatusCode(StatusCodes.Status500InternalServerError, error); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/history-safe")]
    public async Task<IActionResult> HistorySafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new[] { order.Status });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "History of order {OrderId} failed", id);
            var error = new { code = "history_failed", message = "The order history is unavailable." };
            return StatusCode(StatusCodes.Status500InternalServerError, error);
        }
    }

    [HttpGet("{id:int}/tracking")]
    public async Task<IActionResult> Tracking(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Ok(new { order.Id, order.Status });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tracking of order {OrderId} failed", id);
            // Hides only the stack trace outside Development: ex.Message still reaches production clients.
            var detail = environment.IsDevelopment() ? ex.ToString() : ex.Message;
            return Problem(detail); // expect: LEAK001
        }
    }

    [HttpGet("{id:int}/label")]
    public async Task<ActionResult<string>> Label(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return $"Order {order.Id} ({order.Status})";
        }
        catch (Exception ex)
        {
            // An action's return value is the response body.
            return $"Label failed: {ex.Message}"; // expect: LEAK001
        }
    }
}

public sealed record PlaceOrderRequest(int CustomerId, IReadOnlyList<OrderLine> Lines);
