using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Properties a page's own code sets for the view to render: public properties of a Razor Pages model
/// (<c>@Model.ErrorMessage</c>) and <c>[TempData]</c> / <c>[ViewData]</c> properties of controllers and page models.
/// </summary>
public class PagePropertyTests
{
    private static Task VerifyPage(string members, string handlerBody) => Verifier.DiagnosticsAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class OrderDto { public string? Note { get; set; } }
        public class CheckoutRejected : Exception { public CheckoutRejected(string m) : base(m) { } }
        public class CheckoutModel : PageModel
        {
            private static Task SaveAsync() => Task.CompletedTask;
            {{members}}
            public async Task<IActionResult> OnPostAsync()
            {
                try { await SaveAsync(); return RedirectToPage("Done"); }
                catch (Exception ex) { {{handlerBody}} }
            }
        }
        """);

    [Theory]
    [InlineData("public string? ErrorMessage { get; set; }", "ErrorMessage = [|ex.Message|]; return Page();")]
    [InlineData("public string? ErrorMessage { get; set; }", "this.ErrorMessage = [|$\"Checkout failed: {ex}\"|]; return Page();")]
    [InlineData("[TempData] public string? StatusMessage { get; set; }", "StatusMessage = [|\"Error: \" + ex.Message|]; return RedirectToPage();")]
    [InlineData("public OrderDto Order { get; set; } = new();", "Order = [|new OrderDto { Note = ex.StackTrace }|]; return Page();")]
    [InlineData("public string? ErrorMessage { get; private set; }", "var text = ex.Message; ErrorMessage = [|text|]; return Page();")]
    public Task Page_properties_written_with_exception_text(string members, string handlerBody) => VerifyPage(members, handlerBody);

    [Theory]
    // Fixed text, or a property the page cannot read: private, static, or with a private getter.
    [InlineData("public string? ErrorMessage { get; set; }", "ErrorMessage = \"Checkout failed. Please try again.\"; return Page();")]
    [InlineData("private string? Detail { get; set; }", "Detail = ex.Message; return Page();")]
    [InlineData("public static string? LastError { get; set; }", "LastError = ex.Message; return Page();")]
    [InlineData("public string? Detail { private get; set; }", "Detail = ex.Message; return Page();")]
    // Another object's property is not the page's.
    [InlineData("", "var other = new OrderDto(); other.Note = ex.Message; return Page();")]
    // The message of the project's own exception type is operational.
    [InlineData("public string? ErrorMessage { get; set; }", "if (ex is CheckoutRejected) ErrorMessage = ex.Message; return Page();")]
    public Task Not_rendered_or_not_exception_text(string members, string handlerBody) => VerifyPage(members, handlerBody);

    [Fact]
    public Task Controller_temp_data_and_view_data_properties() =>
        Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                [TempData] public string? StatusMessage { get; set; }
                [ViewData] public string? Banner { get; set; }
                public string? LastError { get; set; }
                public IActionResult Save()
                {
                    try { return RedirectToAction("Index"); }
                    catch (Exception ex)
                    {
                        StatusMessage = [|ex.Message|];
                        Banner = [|ex.GetType().Name|];
                        LastError = ex.Message;
                        return RedirectToAction("Index");
                    }
                }
            }
            """);

    [Fact]
    public Task Ordinary_classes_with_public_properties_are_not_pages() =>
        Verifier.DiagnosticsAsync("""
            public class ImportJob
            {
                public string? LastError { get; set; }
                public void Run()
                {
                    try { System.IO.File.ReadAllText("in.csv"); }
                    catch (Exception ex) { LastError = ex.Message; }
                }
            }
            """);

    [Fact]
    public Task Fix_logs_the_exception_and_shows_the_id_on_the_page() =>
        Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class CheckoutModel : PageModel
            {
                public string? ErrorMessage { get; set; }

                public IActionResult OnPost()
                {
                    try
                    {
                        return RedirectToPage("Done");
                    }
                    catch (Exception ex)
                    {
                        ErrorMessage = [|ex.Message|];
                        return Page();
                    }
                }
            }
            """, """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class CheckoutModel : PageModel
            {
                private readonly ILogger<CheckoutModel> _logger;

                public CheckoutModel(ILogger<CheckoutModel> logger)
                {
                    _logger = logger;
                }

                public string? ErrorMessage { get; set; }

                public IActionResult OnPost()
                {
                    try
                    {
                        return RedirectToPage("Done");
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        ErrorMessage = $"An unexpected error occurred. Error ID: {errorId}";
                        return Page();
                    }
                }
            }
            """);
}
