using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Tests.Verification;
using Xunit;
using LeakAnalyzers.Rules;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>The correlation-ID fix keeps the CLR shape of every sink family: string, object, anonymous object, DTO, ProblemDetails, Results, HttpResponse, SignalR, gRPC, Web API 2.</summary>
public class CodeFixSinkTests
{
    [Fact]
    public Task String_argument_becomes_generic_message_with_the_id()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                [HttpPost]
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                [HttpPost]
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Anonymous_object_drops_internals_replaces_message_keeps_harmless_members()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, [|new { error = ex.Message, ex.StackTrace, type = ex.GetType().ToString(), orderId = id }|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return StatusCode(500, new { error = "An unexpected error occurred.", orderId = id, errorId });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Anonymous_object_without_message_member_gets_one()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return Conflict([|new { trace = ex.StackTrace, source = ex.Source }|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return Conflict(new { message = "An unexpected error occurred.", errorId });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Object_argument_becomes_anonymous_object()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return new ObjectResult([|ex.ToString() as object|]) { StatusCode = 500 };
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return new ObjectResult(new { message = "An unexpected error occurred.", errorId }) { StatusCode = 500 };
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Dto_keeps_its_type_text_members_get_the_generic_message_internals_are_dropped()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class ErrorResponse
            {
                public ErrorResponse(string message) => Message = message;
                public string Message { get; }
                public string? Trace { get; set; }
                public int Code { get; set; }
            }

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|new ErrorResponse(ex.Message) { Trace = ex.StackTrace, Code = 7 }|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class ErrorResponse
            {
                public ErrorResponse(string message) => Message = message;
                public string Message { get; }
                public string? Trace { get; set; }
                public int Code { get; set; }
            }

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest(new ErrorResponse($"An unexpected error occurred. Error ID: {errorId}") { Code = 7 });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task ProblemDetails_detail_becomes_string_status_kept()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var problem = new ProblemDetails { Title = "Save failed", Status = 503, Detail = [|ex.ToString()|] };
                        return StatusCode(503, problem);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        var problem = new ProblemDetails { Title = "Save failed", Status = 503, Detail = $"An unexpected error occurred. Error ID: {errorId}" };
                        return StatusCode(503, problem);
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Problem_named_argument()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Problem(detail: [|ex.Message|], statusCode: 409);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (InvalidOperationException ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return Problem(detail: $"An unexpected error occurred. Error ID: {errorId}", statusCode: 409);
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Returned_string_from_action()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public string Status()
                {
                    try
                    {
                        return "ok";
                    }
                    catch (Exception ex)
                    {
                        return [|ex.Message|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                public string Status()
                {
                    try
                    {
                        return "ok";
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return $"An unexpected error occurred. Error ID: {errorId}";
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Results_and_TypedResults_in_minimal_api_with_app_logger()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapGet("/orders", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.Problem([|ex.Message|], statusCode: 500);
                }
            });

            app.MapGet("/items", IResult () =>
            {
                try
                {
                    return TypedResults.Ok();
                }
                catch (Exception ex)
                {
                    return TypedResults.BadRequest([|new { ex.Message }|]);
                }
            });

            app.Run();
            """;
        const string fixedSource = """
            using System.Diagnostics;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapGet("/orders", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    app.Logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                    return Results.Problem($"An unexpected error occurred. Error ID: {errorId}", statusCode: 500);
                }
            });

            app.MapGet("/items", IResult () =>
            {
                try
                {
                    return TypedResults.Ok();
                }
                catch (Exception ex)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    app.Logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                    return TypedResults.BadRequest(new { Message = "An unexpected error occurred.", errorId });
                }
            });

            app.Run();
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task HttpResponse_writes_in_middleware()
    {
        const string source = """
            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<ErrorMiddleware> _logger;

                public ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        context.Response.StatusCode = 500;
                        if (context.Request.Headers.Accept.ToString().Contains("json"))
                        {
                            await context.Response.WriteAsJsonAsync([|new { error = ex.Message, stack = ex.StackTrace }|]);
                            return;
                        }
                        await context.Response.WriteAsync([|$"Error: {ex.Message}"|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<ErrorMiddleware> _logger;

                public ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        context.Response.StatusCode = 500;
                        if (context.Request.Headers.Accept.ToString().Contains("json"))
                        {
                            await context.Response.WriteAsJsonAsync(new { error = "An unexpected error occurred.", errorId });
                            return;
                        }
                        await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task SignalR_hub_exception_and_client_send()
    {
        const string source = """
            using Microsoft.AspNetCore.SignalR;

            public class ChatHub : Hub
            {
                private readonly ILogger<ChatHub> _logger;

                public ChatHub(ILogger<ChatHub> logger) => _logger = logger;

                public async Task Send(string message)
                {
                    try
                    {
                        await Clients.All.SendAsync("message", message);
                    }
                    catch (Exception ex)
                    {
                        await Clients.Caller.SendAsync("error", [|ex.Message|]);
                        throw new HubException([|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.SignalR;

            public class ChatHub : Hub
            {
                private readonly ILogger<ChatHub> _logger;

                public ChatHub(ILogger<ChatHub> logger) => _logger = logger;

                public async Task Send(string message)
                {
                    try
                    {
                        await Clients.All.SendAsync("message", message);
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        await Clients.Caller.SendAsync("error", $"An unexpected error occurred. Error ID: {errorId}");
                        throw new HubException($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Grpc_status_detail_and_rpc_exception_message()
    {
        const string source = """
            using Grpc.Core;

            public class GreeterService
            {
                private readonly ILogger<GreeterService> _logger;

                public GreeterService(ILogger<GreeterService> logger) => _logger = logger;

                public Task<string> SayHello(string request, ServerCallContext context)
                {
                    try
                    {
                        return Task.FromResult("hi");
                    }
                    catch (Exception ex)
                    {
                        var status = new Status(StatusCode.Internal, [|ex.ToString()|]);
                        throw new RpcException(status, [|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Grpc.Core;

            public class GreeterService
            {
                private readonly ILogger<GreeterService> _logger;

                public GreeterService(ILogger<GreeterService> logger) => _logger = logger;

                public Task<string> SayHello(string request, ServerCallContext context)
                {
                    try
                    {
                        return Task.FromResult("hi");
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        var status = new Status(StatusCode.Internal, $"An unexpected error occurred. Error ID: {errorId}");
                        throw new RpcException(status, $"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Bytes_written_to_the_body_keep_the_call()
    {
        const string source = """
            using System.Text;

            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<ErrorMiddleware> _logger;

                public ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        await context.Response.Body.WriteAsync([|Encoding.UTF8.GetBytes(ex.ToString())|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Text;

            public class ErrorMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<ErrorMiddleware> _logger;

                public ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"An unexpected error occurred. Error ID: {errorId}"));
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Web_api_2_create_error_response_without_any_logger_uses_trace()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;
            using System.Web.Http;

            public class LegacyController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try
                    {
                        return Request.CreateResponse(HttpStatusCode.OK, "ok");
                    }
                    catch (Exception ex)
                    {
                        return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, [|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Net;
            using System.Net.Http;
            using System.Web.Http;

            public class LegacyController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try
                    {
                        return Request.CreateResponse(HttpStatusCode.OK, "ok");
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, $"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Usings_are_added_when_nothing_is_imported()
    {
        var test = new LeakTest(new ExceptionDetailsInResponseAnalyzer(), new CorrelationIdCodeFix()) { ImplicitUsings = false };
        test.Sources.Add("""
            namespace Shop.Controllers
            {
                public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    public Microsoft.AspNetCore.Mvc.IActionResult Save()
                    {
                        try
                        {
                            return Ok();
                        }
                        catch (System.Exception ex)
                        {
                            return BadRequest([|ex.Message|]);
                        }
                    }
                }
            }
            """);
        test.FixedSources.Add("""
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            namespace Shop.Controllers
            {
                public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    private readonly ILogger<OrdersController> _logger;

                    public OrdersController(ILogger<OrdersController> logger)
                    {
                        _logger = logger;
                    }

                    public Microsoft.AspNetCore.Mvc.IActionResult Save()
                    {
                        try
                        {
                            return Ok();
                        }
                        catch (System.Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            _logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                            return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                        }
                    }
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Multi_line_anonymous_object()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, [|new
                        {
                            message = ex.Message,
                            stackTrace = ex.StackTrace,
                            orderId = id,
                        }|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return StatusCode(500, new
                        {
                            message = "An unexpected error occurred.",
                            orderId = id,
                            errorId,
                        });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Web_api_2_exception_overload_switches_to_the_message_overload()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;
            using System.Web.Http;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try
                    {
                        return Request.CreateResponse(HttpStatusCode.OK, "ok");
                    }
                    catch (Exception ex)
                    {
                        return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, [|ex|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Net;
            using System.Net.Http;
            using System.Web.Http;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public HttpResponseMessage Get()
                {
                    try
                    {
                        return Request.CreateResponse(HttpStatusCode.OK, "ok");
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        return Request.CreateErrorResponse(HttpStatusCode.InternalServerError, $"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    // InternalServerError(Exception) has no text overload: the call becomes Content(500, generic text with the ID).
    [Theory]
    [InlineData("InternalServerError", "Content")]
    [InlineData("this.InternalServerError", "this.Content")]
    public Task Exception_only_sink_becomes_a_500_with_the_id(string call, string fixedCall)
    {
        var source = $$"""
            using System.Web.Http;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public IHttpActionResult Delete()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return {{call}}([|ex|]);
                    }
                }
            }
            """;
        var fixedSource = $$"""
            using System.Diagnostics;
            using System.Net;
            using System.Web.Http;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public IHttpActionResult Delete()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        return {{fixedCall}}(HttpStatusCode.InternalServerError, $"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task No_fix_when_the_action_is_declared_to_return_the_exception_result()
    {
        const string source = """
            using System.Web.Http;
            using System.Web.Http.Results;

            public static class WebApiConfig
            {
                public static void Register(HttpConfiguration config) => config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
            }

            public class ValuesController : ApiController
            {
                public ExceptionResult Fail(Exception ex)
                {
                    try
                    {
                        throw ex;
                    }
                    catch (Exception caught)
                    {
                        return InternalServerError([|caught|]);
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.NoFixAsync(source);
    }

    [Fact]
    public Task Database_details_in_a_when_filtered_catch_leak002()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg)
                    {
                        logger.LogWarning(ex, "Constraint {Constraint} violated", pg.ConstraintName);
                        return Conflict({|LEAK002:new { error = pg.MessageText, pg.ConstraintName, pg.Detail, retry = false }|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogWarning(ex, "Constraint {Constraint} violated {ErrorId}", pg.ConstraintName, errorId);
                        return Conflict(new { error = "An unexpected error occurred.", retry = false, errorId });
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Classic_mvc_model_state_error_gets_the_generic_text()
    {
        const string source = """
            using System.Web.Mvc;

            public class AccountController : Controller
            {
                public ActionResult Save()
                {
                    try
                    {
                        return View();
                    }
                    catch (Exception ex)
                    {
                        ModelState.AddModelError("", [|ex.Message|]);
                        return View();
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Web.Mvc;

            public class AccountController : Controller
            {
                public ActionResult Save()
                {
                    try
                    {
                        return View();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        ModelState.AddModelError("", $"An unexpected error occurred. Error ID: {errorId}");
                        return View();
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }
}
