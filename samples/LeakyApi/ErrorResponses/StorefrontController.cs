using LeakyApi.ErrorResponses.Domain;
using Microsoft.AspNetCore.Mvc;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// A server-rendered MVC controller: exception text that lands in ViewData, TempData or model-state errors is
/// rendered into the page just like an API body.
/// </summary>
[Route("shop")]
public sealed class StorefrontController(OrderService orders, ILogger<StorefrontController> logger) : Controller
{
    [HttpGet("orders/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        try
        {
            return View(await orders.FindAsync(id, cancellationToken));
        }
        catch (Exception ex)
        {
            ViewData["Error"] = ex.Message; // expect: LEAK001
            return View("Error");
        }
    }

    [HttpGet("orders/{id:int}/safe")]
    public async Task<IActionResult> DetailsSafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            return View("Details", await orders.FindAsync(id, cancellationToken));
        }
        catch (OrderNotFoundException ex)
        {
            ViewData["Error"] = ex.Message;
            return View("Error");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Showing order {OrderId} failed", id);
            ViewData["Error"] = "We could not show this order right now.";
            return View("Error");
        }
    }

    [HttpPost("checkout")]
    public async Task<IActionResult> Checkout(CheckoutForm form, CancellationToken cancellationToken)
    {
        try
        {
            await orders.PlaceAsync(form.CustomerId, [new OrderLine(form.Sku, form.Quantity)], cancellationToken);
            return RedirectToAction(nameof(Details));
        }
        catch (InsufficientStockException ex)
        {
            // Clean: operational message for the field it concerns.
            ModelState.AddModelError(nameof(form.Quantity), ex.Message);
            return View(form);
        }
        catch (Exception ex)
        {
            ModelState.AddModelError(string.Empty, ex.ToString()); // expect: LEAK001
            return View(form);
        }
    }

    [HttpPost("checkout-safe")]
    public async Task<IActionResult> CheckoutSafe(CheckoutForm form, CancellationToken cancellationToken)
    {
        try
        {
            await orders.PlaceAsync(form.CustomerId, [new OrderLine(form.Sku, form.Quantity)], cancellationToken);
            return RedirectToAction(nameof(Details));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Checkout failed");
            ModelState.AddModelError(string.Empty, "We could not place your order. Please try again.");
            return View("Checkout", form);
        }
    }

    [HttpPost("orders/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken)
    {
        try
        {
            await orders.CancelAsync(id, cancellationToken);
            return RedirectToAction(nameof(Details), new { id });
        }
        catch (Exception ex)
        {
            TempData["Flash"] = "Cancelling failed: " + ex.Message; // expect: LEAK001
            return RedirectToAction(nameof(Details), new { id });
        }
    }

    [HttpGet("orders/{id:int}/widget")]
    public async Task<IActionResult> Widget(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Json(new { order.Id, order.Status });
        }
        catch (Exception ex)
        {
            return Json(new { ok = false, error = ex.GetType().FullName, inner = ex.InnerException?.Message }); // expect: LEAK001
        }
    }

    [HttpGet("orders/{id:int}/badge")]
    public async Task<IActionResult> Badge(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Content($"<span>{order.Status}</span>", "text/html");
        }
        catch (Exception ex)
        {
            var message = ex.Message;
            return Content($"<span class=\"error\">{message}</span>", "text/html"); // expect: LEAK001
        }
    }

    [HttpGet("orders/{id:int}/badge-safe")]
    public async Task<IActionResult> BadgeSafe(int id, CancellationToken cancellationToken)
    {
        try
        {
            var order = await orders.FindAsync(id, cancellationToken);
            return Content($"<span>{order.Status}</span>", "text/html");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Badge for order {OrderId} failed", id);
            return Content("<span class=\"error\">unavailable</span>", "text/html");
        }
    }
}

public sealed record CheckoutForm(int CustomerId, string Sku, int Quantity);
