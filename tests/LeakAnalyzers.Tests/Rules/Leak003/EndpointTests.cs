using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>LEAK003 in endpoint code: only where the try visibly raises deliberate errors.</summary>
public class EndpointTests
{
    [Fact]
    public async Task Action_reading_the_form_inside_a_catch_all_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class UploadController : ControllerBase
            {
                public async Task<IActionResult> Upload()
                {
                    try
                    {
                        var form = await Request.ReadFormAsync();
                        return Ok(form.Count);
                    }
                    [|catch (Exception)|]
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Action_without_visible_deliberate_errors_passes()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok(System.IO.File.ReadAllText("report.txt"));
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
    public async Task Action_calling_project_method_that_throws_status_exception_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(Find(id));
                    }
                    [|catch (Exception ex)|]
                    {
                        return Problem(statusCode: 500, detail: "failed " + ex.GetType().Name.Length);
                    }
                }

                private static string Find(int id) => id > 0 ? "order" : throw new HttpStatusException(404, "missing");
            }

            public sealed class HttpStatusException : Exception
            {
                public HttpStatusException(int statusCode, string message) : base(message) => StatusCode = statusCode;
                public int StatusCode { get; }
            }
            """);
    }

    [Fact]
    public async Task Action_mapping_status_exception_passes()
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
                            throw new HttpStatusException(404, "missing");
                        return Ok("order");
                    }
                    catch (Exception ex)
                    {
                        if (ex is HttpStatusException status)
                            return StatusCode(status.StatusCode);
                        return StatusCode(500);
                    }
                }
            }

            public sealed class HttpStatusException : Exception
            {
                public HttpStatusException(int statusCode, string message) : base(message) => StatusCode = statusCode;
                public int StatusCode { get; }
            }
            """);
    }

    [Fact]
    public async Task Minimal_api_handler_reading_json_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapPost("/orders", async (HttpRequest request) =>
            {
                try
                {
                    var order = await request.ReadFromJsonAsync<Order>();
                    return Results.Ok(order);
                }
                [|catch (Exception)|]
                {
                    return Results.StatusCode(500);
                }
            });
            app.Run();

            public sealed record Order(string Name);
            """);
    }

    [Fact]
    public async Task Minimal_api_handler_with_earlier_clause_passes()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapPost("/orders", async (HttpRequest request) =>
            {
                try
                {
                    var order = await request.ReadFromJsonAsync<Order>();
                    return Results.Ok(order);
                }
                catch (BadHttpRequestException bad)
                {
                    return Results.StatusCode(bad.StatusCode);
                }
                catch (Exception)
                {
                    return Results.StatusCode(500);
                }
            });
            app.Run();

            public sealed record Order(string Name);
            """);
    }

    [Fact]
    public async Task Web_api_action_throwing_http_response_exception_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using System.Net;
            using System.Web.Http;

            public sealed class ItemsController : ApiController
            {
                public IHttpActionResult Get(int id)
                {
                    try
                    {
                        if (id <= 0)
                            throw new HttpResponseException(HttpStatusCode.NotFound);
                        return Ok(id);
                    }
                    [|catch (Exception)|]
                    {
                        return InternalServerError();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Non_endpoint_code_is_not_reported()
    {
        await Verifier.DiagnosticsAsync("""
            public sealed class OrderService
            {
                public string? Find(int id)
                {
                    try
                    {
                        if (id <= 0)
                            throw new BadHttpRequestException("bad id");
                        return "order";
                    }
                    catch (Exception)
                    {
                        return null;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var test = new Verification.LeakTest(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer());
        test.Sources.Add("public static class Marker { }");
        test.ExtraDocuments.Add(("ErrorMiddleware.g.cs", """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

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
                    catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                    }
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Deliberate_errors_two_calls_deep_and_body_reads_in_helpers_are_seen()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapPost("/orders/{id}", async (int id, HttpContext http) =>
            {
                try
                {
                    var input = await ReadInput(http.Request);
                    return Results.Ok(Orders.Get(id) + input);
                }
                [|catch (Exception)|]
                {
                    return Results.StatusCode(500);
                }
            });
            app.Run();

            static async Task<string> ReadInput(HttpRequest request) => (await request.ReadFormAsync()).Count.ToString();

            static class Orders
            {
                public static string Get(int id) => Repository.Load(id);
            }

            static class Repository
            {
                public static string Load(int id) => id > 0 ? "order" : throw new MissingOrder();
            }

            sealed class MissingOrder : Exception
            {
                public int StatusCode => 404;
            }
            """);
    }

    [Fact]
    public async Task Message_lists_what_an_endpoint_raises()
    {
        var source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public async Task<IActionResult> Post()
                {
                    try
                    {
                        var form = await Request.ReadFormAsync();
                        if (form.Count == 0)
                            throw new EmptyOrder();
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }
            }

            public sealed class EmptyOrder : Exception
            {
                public int StatusCode => 422;
            }
            """;
        var solution = Verification.TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer()));
        Assert.Equal(
            "This catch-all handler turns BadHttpRequestException and EmptyOrder into a 500 response; let them through or map them to their own status",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Local_function_mapped_as_a_method_group_is_an_endpoint()
    {
        await Verifier.DiagnosticsAsync("""
            var app = WebApplication.Create();
            app.MapPost("/orders", CreateOrder);
            app.Run();

            static async Task<IResult> CreateOrder(HttpRequest request)
            {
                try
                {
                    var form = await request.ReadFormAsync();
                    return Results.Ok(form.Count);
                }
                [|catch (Exception)|]
                {
                    return Results.StatusCode(500);
                }
            }

            static async Task<IResult> NotMapped(HttpRequest request)
            {
                try
                {
                    var form = await request.ReadFormAsync();
                    return Results.Ok(form.Count);
                }
                catch (Exception)
                {
                    return Results.StatusCode(500);
                }
            }
            """);
    }

    [Fact]
    public async Task Endpoint_code_that_calls_the_next_delegate_is_judged_as_middleware()
    {
        // Endpoint trys are classified without walking their body first: the walk that collects what the try raises
        // also finds the call of the next delegate, which makes it middleware (its catch-all swallows the framework's
        // BadHttpRequestException whatever the try visibly raises). A try that only raises nothing stays clean.
        await Verifier.DiagnosticsAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class PassThroughController : ControllerBase
            {
                public async Task Forward(HttpContext context, RequestDelegate next)
                {
                    try { await next(context); }
                    [|catch (Exception)|] { await context.Response.WriteAsync("Upstream failed."); }
                }

                public IActionResult Plain(int id)
                {
                    try
                    {
                        return Ok(id.ToString());
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }
            }
            """);
    }
}
