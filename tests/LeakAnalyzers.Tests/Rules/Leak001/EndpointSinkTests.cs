using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>LEAK001 through minimal APIs, HttpResponse, middleware, exception handlers, SignalR and gRPC.</summary>
public class EndpointSinkTests
{
    [Theory]
    [InlineData("Results.BadRequest([|ex.Message|])")]
    [InlineData("Results.Problem([|ex.StackTrace|])")]
    [InlineData("Results.Problem(detail: [|ex.Message|], statusCode: 500)")]
    [InlineData("Results.Json([|new { error = ex.ToString() }|])")]
    [InlineData("Results.Text([|ex.Message|])")]
    [InlineData("Results.Content([|ex.Message|], \"text/plain\")")]
    [InlineData("Results.Conflict([|ex.GetType().Name|])")]
    [InlineData("Results.ValidationProblem(new Dictionary<string, string[]>(), detail: [|ex.Message|])")]
    [InlineData("TypedResults.BadRequest([|ex.Message|])")]
    [InlineData("TypedResults.InternalServerError([|ex.Message|])")]
    [InlineData("TypedResults.Ok([|ex.InnerException?.Message|])")]
    [InlineData("TypedResults.UnprocessableEntity([|ex.Source|])")]
    public async Task Minimal_api_results_report(string result)
    {
        await Verifier.DiagnosticsAsync($$"""
            var app = WebApplication.Create();
            app.MapGet("/orders", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return {{result}}; }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Route_handler_return_values_report()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapGet("/a", () =>
            {
                try { return "ok"; }
                catch (Exception ex) { return [|ex.Message|]; }
            });
            app.MapPost("/b", async (HttpContext ctx) =>
            {
                try { await Task.Yield(); return (object)"ok"; }
                catch (InvalidOperationException ex) { return [|new { ex.Message, ex.StackTrace }|]; }
            });
            var group = app.MapGroup("/api");
            group.MapPut("/c", () =>
            {
                try { return "ok"; }
                catch (Exception ex) { return [|$"failed: {ex}"|]; }
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Route_handler_returns_are_the_handlers_own_not_nested_functions_or_other_lambdas()
    {
        // Found from the Map call: an expression-bodied handler and a handler passed as a cast delegate report; a
        // lambda or local function inside the handler returns to its caller, not to the client; a lambda passed to
        // anything other than a route mapping is not a handler.
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapGet("/a", (string id) => [|id.Length > 0 ? "ok" : new Exception(id).ToString()|]);
            app.MapGet("/b", (Func<string>)(() =>
            {
                try { return "ok"; }
                catch (Exception ex) { return [|ex.Message|]; }
            }));
            app.MapGet("/c", () =>
            {
                string Describe(Exception ex) { return ex.Message; }
                Func<Exception, string> describe = ex => ex.StackTrace ?? "";
                try { return "ok"; }
                catch (Exception ex) { var text = Describe(ex) + describe(ex); return "failed"; }
            });
            Func<string> notAHandler = () =>
            {
                try { return "ok"; }
                catch (Exception ex) { return ex.Message; }
            };
            app.Run();
            """);
    }

    [Fact]
    public async Task Http_response_writes_and_headers()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Text;
            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                public ErrorMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try { await _next(context); }
                    catch (Exception ex)
                    {
                        context.Response.StatusCode = 500;
                        context.Response.Headers["X-Error"] = [|ex.Message|];
                        context.Response.Headers.Append("X-Type", [|ex.GetType().FullName|]);
                        await context.Response.Body.WriteAsync([|Encoding.UTF8.GetBytes(ex.StackTrace ?? "")|]);
                        await context.Response.WriteAsJsonAsync([|new { error = ex.Message }|]);
                        await context.Response.WriteAsync([|ex.ToString()|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Response_feature_reason_phrase()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Http.Features;
            public static class Failures
            {
                public static void Fail(HttpContext context, Exception ex)
                {
                    context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = [|ex.Message|];
                }
            }
            """);
    }

    [Fact]
    public async Task Exception_handler_entry_points()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    await httpContext.Response.WriteAsJsonAsync([|new ProblemDetails { Title = "Error" }.Title + exception.Message|], cancellationToken);
                    return true;
                }
            }

            public sealed class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new ObjectResult([|new { error = context.Exception.Message }|]) { StatusCode = 500 };
                }
            }

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        var feature = context.Features.Get<IExceptionHandlerPathFeature>();
                        await context.Response.WriteAsync([|feature?.Error.Message ?? "error"|]);
                    }));
                }

                public static void AddProblems(IServiceCollection services)
                {
                    services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
                    {
                        ctx.ProblemDetails.Extensions["exception"] = [|ctx.Exception?.ToString()|];
                        ctx.ProblemDetails.Detail = [|ctx.Exception?.Message|];
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task SignalR_hub_exception_and_client_proxies()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;
            public class ChatHub : Hub
            {
                public async Task Send(string message)
                {
                    try { await Clients.All.SendAsync("message", message); }
                    catch (Exception ex)
                    {
                        await Clients.Caller.SendAsync("error", [|ex.Message|]);
                        await Clients.Caller.SendCoreAsync("error", [|new object[] { ex.StackTrace! }|]);
                        throw new HubException([|ex.Message|]);
                    }
                }

                public void Safe()
                {
                    try { }
                    catch (Exception ex) { throw new HubException("The message could not be sent.", ex); }
                }
            }
            """);
    }

    [Fact]
    public async Task SignalR_strongly_typed_clients()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.SignalR;
            public interface IChatClient
            {
                Task ReceiveError(string message);
                Task ReceiveMessage(string user, string text);
            }

            public class ChatHub : Hub<IChatClient>
            {
                public async Task Send(string user, string text)
                {
                    try { await Clients.All.ReceiveMessage(user, text); }
                    catch (Exception ex)
                    {
                        await Clients.Caller.ReceiveError([|ex.Message|]);
                        await Clients.Group("admins").ReceiveMessage("system", [|ex.ToString()|]);
                        await Clients.Caller.ReceiveError("The message could not be sent.");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Problem_details_factory_text_arguments()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Infrastructure;
            public class OrdersController(ProblemDetailsFactory factory) : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        var problem = factory.CreateProblemDetails(HttpContext, 500, title: "Error", detail: [|ex.Message|]);
                        return StatusCode(500, problem);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Grpc_status_rpc_exception_trailers_and_headers()
    {
        await Verifier.DiagnosticsAsync("""
            using Grpc.Core;
            public class OrderService
            {
                public async Task<string> Get(string request, ServerCallContext context)
                {
                    try { await Task.Yield(); return request; }
                    catch (InvalidOperationException ex)
                    {
                        context.ResponseTrailers.Add("error", [|ex.StackTrace|]!);
                        await context.WriteResponseHeadersAsync([|new Metadata { { "type", ex.GetType().Name } }|]);
                        context.Status = ex.Message is { } s ? new Status(StatusCode.Internal, [|s|]) : default;
                        throw new RpcException(new Status(StatusCode.Internal, [|ex.Message|]));
                    }
                    catch (Exception ex)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error", ex), [|ex.ToString()|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_2_and_system_web()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Net;
            using System.Web.Http;
            public class ValuesController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try { return Request.CreateResponse(HttpStatusCode.OK, "ok"); }
                    catch (Exception ex) { return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, [|ex.Message|]); }
                }

                public IHttpActionResult Post()
                {
                    try { return Ok(); }
                    catch (ArgumentException ex) { return BadRequest([|ex.Message|]); }
                    catch (Exception ex) { return Content(HttpStatusCode.InternalServerError, [|ex.StackTrace|]); }
                }

                public IHttpActionResult Put()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        throw new HttpResponseException(new HttpResponseMessage(HttpStatusCode.InternalServerError)
                        {
                            Content = [|new StringContent(ex.ToString())|],
                            ReasonPhrase = [|ex.GetType().Name|],
                        });
                    }
                }

                public IHttpActionResult Delete()
                {
                    try { return Ok(); }
                    catch (Exception ex) { return InternalServerError(ex); }
                }
            }

            public class LegacyController : System.Web.Mvc.Controller
            {
                public System.Web.Mvc.ActionResult Index()
                {
                    try { return Content("ok"); }
                    catch (Exception ex)
                    {
                        Response.Write([|ex.ToString()|]);
                        if (ex is TimeoutException) return new System.Web.Mvc.HttpStatusCodeResult(500, [|ex.Message|]);
                        return Json([|new { ex.Message }|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_2_exception_overloads_leak_when_error_detail_policy_is_always()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Net;
            using System.Web.Http;
            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try { return Request.CreateResponse(HttpStatusCode.OK, "ok"); }
                    catch (Exception ex) { return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, [|ex|]); }
                }

                public IHttpActionResult Delete()
                {
                    try { return Ok(); }
                    catch (Exception ex) { return InternalServerError([|ex|]); }
                }
            }
            """);
    }

    [Fact]
    public async Task Mvc_5_views_view_data_and_model_state()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Web.Mvc;
            public class ErrorModel { public string? Text { get; set; } }
            public class AccountController : Controller
            {
                public ActionResult Save()
                {
                    try { return View(); }
                    catch (InvalidOperationException ex)
                    {
                        ViewBag.Error = [|ex.Message|];
                        ViewData["Detail"] = [|ex.StackTrace|];
                        TempData["Flash"] = [|"Failed: " + ex.Message|];
                        ModelState.AddModelError("", [|ex.Message|]);
                        return View("Save", [|new ErrorModel { Text = ex.ToString() }|]);
                    }
                    catch (Exception ex)
                    {
                        // The exception overload shows MVC's generic "The value is invalid" text, not the message.
                        ModelState.AddModelError("", ex);
                        ViewBag.ErrorId = Guid.NewGuid();
                        return PartialView("_Error", [|ex|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_2_model_state()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Web.Http;
            public class OrdersController : ApiController
            {
                public IHttpActionResult Post()
                {
                    try { return Ok(); }
                    catch (ArgumentException ex)
                    {
                        ModelState.AddModelError("order", [|ex.Message|]);
                        return BadRequest(ModelState);
                    }
                    catch (Exception ex)
                    {
                        // Serialized only under IncludeErrorDetailPolicy.Always, which this project does not set.
                        ModelState.AddModelError("order", ex);
                        return BadRequest(ModelState);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Web_api_2_model_state_exception_leaks_when_error_detail_policy_is_always()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Web.Http;
            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class OrdersController : ApiController
            {
                public IHttpActionResult Post()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        ModelState.AddModelError("order", [|ex|]);
                        return BadRequest(ModelState);
                    }
                }
            }
            """);
    }
}
