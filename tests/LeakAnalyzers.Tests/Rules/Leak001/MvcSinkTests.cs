using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>LEAK001 through MVC controller and Razor Pages helpers, result objects and action return values.</summary>
public class MvcSinkTests
{
    private const string Usings = "using Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Mvc.RazorPages;\n";

    [Theory]
    [InlineData("return BadRequest([|ex.Message|]);")]
    [InlineData("return Ok([|ex.StackTrace|]);")]
    [InlineData("return NotFound([|ex.ToString()|]);")]
    [InlineData("return Conflict([|ex.InnerException|]);")]
    [InlineData("return UnprocessableEntity([|ex.Source|]);")]
    [InlineData("return Unauthorized([|ex.GetType().Name|]);")]
    [InlineData("return StatusCode(500, [|ex.Message|]);")]
    [InlineData("return Problem([|ex.Message|]);")]
    [InlineData("return Problem(detail: [|ex.StackTrace|], title: [|ex.GetType().FullName|]);")]
    [InlineData("return ValidationProblem([|ex.Message|]);")]
    [InlineData("return Content([|ex.ToString()|]);")]
    [InlineData("return Created(\"/x\", [|ex.Data|]);")]
    [InlineData("return Accepted([|ex.GetBaseException()|]);")]
    [InlineData("return StatusCode(500, [|ex|]);")]
    [InlineData("return Ok([|ex.TargetSite|]);")]
    [InlineData("return Ok([|ex.HelpLink|]);")]
    public async Task Controller_helpers_report_exception_details(string statement)
    {
        await Verifier.DiagnosticsAsync(Usings + $$"""
            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex) { {{statement}} }
                }
            }
            """);
    }

    [Fact]
    public async Task Mvc_controller_view_json_viewdata_viewbag_tempdata()
    {
        await Verifier.DiagnosticsAsync(Usings + """
            public class HomeController : Controller
            {
                public IActionResult Index()
                {
                    try { return View(); }
                    catch (Exception ex)
                    {
                        ViewData["Error"] = [|ex.Message|];
                        ViewBag.Trace = [|ex.StackTrace|];
                        TempData["Type"] = [|ex.GetType().ToString()|];
                        if (DateTime.Now.Second > 30) return Json([|new { error = ex.Message }|]);
                        return View("Error", [|ex|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Model_state_error_message_is_a_sink_but_the_exception_overload_is_not()
    {
        await Verifier.DiagnosticsAsync(Usings + """
            public class FormController : Controller
            {
                public IActionResult Save()
                {
                    try { return View(); }
                    catch (Exception ex)
                    {
                        ModelState.AddModelError("", [|ex.Message|]);
                        ModelState.AddModelError("other", ex, null!);
                        return View();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Razor_page_handler_helpers_and_view_data()
    {
        await Verifier.DiagnosticsAsync(Usings + """
            public class EditModel : PageModel
            {
                public IActionResult OnPost()
                {
                    try { return Page(); }
                    catch (Exception ex)
                    {
                        ViewData["Error"] = [|ex.Message|];
                        return BadRequest([|ex.StackTrace|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Result_objects_and_problem_details_members()
    {
        await Verifier.DiagnosticsAsync(Usings + """
            public class ErrorsController : ControllerBase
            {
                public IActionResult A(Exception ex) => new ObjectResult([|ex.Message|]) { StatusCode = 500 };
                public IActionResult B(Exception ex) => new BadRequestObjectResult([|ex.StackTrace|]);
                public IActionResult C(Exception ex) => new JsonResult([|new { ex.Message }|]);
                public IActionResult D(Exception ex) => new ContentResult { Content = [|ex.ToString()|], StatusCode = 500 };
                public IActionResult E(Exception ex)
                {
                    var problem = new ProblemDetails { Title = "Error", Detail = [|ex.Message|], Status = 500 };
                    problem.Extensions["stack"] = [|ex.StackTrace|];
                    problem.Extensions.Add("type", [|ex.GetType().Name|]);
                    return new ObjectResult(problem);
                }
                public IActionResult F(Exception ex)
                {
                    var result = new ObjectResult(null);
                    result.Value = [|ex.Source|];
                    return result;
                }
                public IActionResult G(Exception ex) => new ObjectResult(new ProblemDetails { Extensions = { ["trace"] = [|ex.StackTrace|] } });
            }
            """);
    }

    [Fact]
    public async Task Values_returned_from_actions_and_hub_methods()
    {
        await Verifier.DiagnosticsAsync(Usings + """
            public class TextController : ControllerBase
            {
                public string Get()
                {
                    try { return "ok"; }
                    catch (Exception ex) { return [|ex.Message|]; }
                }

                public async Task<ActionResult<string>> GetAsync()
                {
                    try { await Task.Yield(); return "ok"; }
                    catch (Exception ex) { return [|ex.ToString()|]; }
                }

                [NonAction]
                public string Describe(Exception ex) => ex.Message;

                private string Hidden(Exception ex) => ex.Message;
            }

            public class ChatHub : Microsoft.AspNetCore.SignalR.Hub
            {
                public string Send(string text)
                {
                    try { return text; }
                    catch (Exception ex) { return [|ex.Message|]; }
                }
            }
            """);
    }
}
