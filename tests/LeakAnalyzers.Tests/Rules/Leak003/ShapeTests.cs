using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>More handler shapes: other middleware signatures, switch statements, filters with side effects, cross-file callees.</summary>
public class ShapeTests
{
    [Fact]
    public async Task IMiddleware_implementation_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware : IMiddleware
            {
                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    try
                    {
                        await next(context);
                    }
                    [|catch (Exception)|]
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Use_overload_taking_next_and_returning_a_request_delegate_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.Use(next => async context =>
            {
                try
                {
                    await next(context);
                }
                [|catch (Exception)|]
                {
                    context.Response.StatusCode = 500;
                }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Switch_statement_rethrowing_deliberate_cases_passes()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        switch (ex)
                        {
                            case BadHttpRequestException:
                            case OperationCanceledException:
                                throw;
                            default:
                                context.Response.StatusCode = 500;
                                break;
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Rethrowing_the_caught_variable_counts_as_rethrow()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.GetType().Name.Length);
                        throw ex;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Filter_with_unknown_condition_and_earlier_filtered_clause_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (IOException io) when (Log(io))
                    {
                        throw;
                    }
                    [|catch (Exception ex)|] when (Log(ex))
                    {
                        context.Response.StatusCode = 500;
                    }
                }

                private static bool Log(Exception ex) => ex.Message.Length >= 0;
            }
            """);
    }

    [Fact]
    public async Task Catch_all_filtered_to_a_deliberate_type_handles_it_on_purpose()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex) when (ex is BadHttpRequestException || ex is OperationCanceledException)
                    {
                        context.Response.StatusCode = 400;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Branch_handling_the_type_with_its_own_status_passes()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        if (ex is BadHttpRequestException)
                        {
                            context.Response.StatusCode = 400;
                            return;
                        }
                        if (context.RequestAborted.IsCancellationRequested)
                            return;
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Explicit_filter_interface_implementation_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ErrorFilter : IExceptionFilter
            {
                void IExceptionFilter.[|OnException|](ExceptionContext context)
                {
                    context.Result = new StatusCodeResult(500);
                }
            }
            """);
    }

    [Fact]
    public async Task Page_handler_reading_the_form_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class UploadModel : PageModel
            {
                public IActionResult OnPost()
                {
                    try
                    {
                        var count = Request.Form.Files.Count;
                        return Content(count.ToString());
                    }
                    [|catch|]
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Endpoint_calling_a_method_in_another_file_that_throws_is_reported()
    {
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer());
        test.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                private readonly OrderService _service = new();

                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(_service.Find(id));
                    }
                    [|catch (Exception)|]
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
        test.Sources.Add("""
            public sealed class OrderService
            {
                public string Find(int id)
                {
                    if (id <= 0)
                        throw new Errors.GoneException();
                    return "order";
                }
            }

            namespace Errors
            {
                public sealed class GoneException : Exception
                {
                    public System.Net.HttpStatusCode StatusCode => System.Net.HttpStatusCode.Gone;
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Endpoint_throwing_ordinary_exceptions_is_not_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    try
                    {
                        if (id <= 0)
                            throw new ArgumentOutOfRangeException(nameof(id));
                        return Ok(id);
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Option_type_thrown_in_an_endpoint_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class QuotaController : ControllerBase
            {
                public IActionResult Post()
                {
                    try
                    {
                        throw new Quota.QuotaExceeded();
                    }
                    [|catch (Exception)|]
                    {
                        return StatusCode(500);
                    }
                }
            }

            namespace Quota
            {
                public sealed class QuotaExceeded : Exception { }
            }
            """, "dotnet_code_quality.LEAK003.deliberate_exception_types = Quota.QuotaExceeded");
    }

    // The option is read only when the try block (or a helper it calls) throws: these two pin that the lazy read still
    // applies the try's own file options to the helper, and that a file without the option is not affected.
    [Fact]
    public async Task Option_type_thrown_in_a_helper_of_an_endpoint_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class QuotaController : ControllerBase
            {
                public IActionResult Post()
                {
                    try
                    {
                        Charge();
                        return Ok();
                    }
                    [|catch (Exception)|]
                    {
                        return StatusCode(500);
                    }
                }

                private static void Charge() => throw new Quota.QuotaExceeded();
            }

            namespace Quota
            {
                public sealed class QuotaExceeded : Exception { }
            }
            """, "dotnet_code_quality.LEAK003.deliberate_exception_types = Quota.QuotaExceeded");
    }

    [Fact]
    public async Task Thrown_type_not_named_by_the_option_is_not_deliberate()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class QuotaController : ControllerBase
            {
                public IActionResult Post()
                {
                    try
                    {
                        throw new Quota.QuotaWarning();
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }
            }

            namespace Quota
            {
                public sealed class QuotaExceeded : Exception { }
                public sealed class QuotaWarning : Exception { }
            }
            """, "dotnet_code_quality.LEAK003.deliberate_exception_types = Quota.QuotaExceeded");
    }

    [Fact]
    public async Task Http_request_exception_with_nullable_status_is_not_deliberate()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProxyController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        throw new HttpRequestException("upstream failed", null, System.Net.HttpStatusCode.BadGateway);
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Mvc5_action_throwing_system_web_http_exception_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class HomeController : System.Web.Mvc.Controller
            {
                public System.Web.Mvc.ActionResult Details(int id)
                {
                    try
                    {
                        if (id <= 0)
                            throw new System.Web.HttpException(404, "Not found");
                        return Content("details");
                    }
                    [|catch (Exception)|]
                    {
                        return new System.Web.Mvc.HttpStatusCodeResult(500);
                    }
                }
            }
            """);
    }
}
