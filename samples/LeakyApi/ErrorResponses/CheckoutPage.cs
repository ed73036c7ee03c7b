using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakyApi.ErrorResponses;

/// <summary>
/// A Razor Pages model (its view, not part of this API sample, would show <c>@Model.ErrorMessage</c>): a public
/// property of the page model is rendered into the HTML, so the exception text set here reaches the browser.
/// </summary>
public sealed class CheckoutPageModel : PageModel
{
    public string? ErrorMessage { get; private set; }

    public IActionResult OnPost(int basketId)
    {
        try
        {
            if (basketId <= 0)
                throw new InvalidOperationException($"Basket {basketId} has no lines in table dbo.Baskets.");
            return RedirectToPage("/Orders");
        }
        catch (InvalidOperationException ex)
        {
            ErrorMessage = ex.Message; // expect: LEAK001
            return Page();
        }
    }
}
