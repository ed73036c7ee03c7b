using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>Where the correlation-ID fix gets its logger: reuse (MEL first, then Serilog, NLog, log4net), extend an existing log call, or inject one.</summary>
public class CodeFixLoggerTests
{
    [Fact]
    public Task Property_logger_is_reused()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public OrdersController(ILogger<OrdersController> logger) => Logger = logger;

                protected ILogger Logger { get; }

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
                public OrdersController(ILogger<OrdersController> logger) => Logger = logger;

                protected ILogger Logger { get; }

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Primary_constructor_parameter_logger_is_reused()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        logger.LogInformation("saving");
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

            public class OrdersController(ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        logger.LogInformation("saving");
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Method_parameter_logger_and_exception_parameter_outside_a_catch()
    {
        const string source = """
            public static class ErrorWriter
            {
                public static async Task HandleExceptionAsync(HttpContext context, Exception exception, ILogger logger)
                {
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync([|exception.Message|]);
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            public static class ErrorWriter
            {
                public static async Task HandleExceptionAsync(HttpContext context, Exception exception, ILogger logger)
                {
                    context.Response.StatusCode = 500;
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    logger.LogError(exception, "Unhandled error {ErrorId}", errorId);
                    await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Local_logger_declared_before_the_try_is_reused()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapPost("/orders", (ILoggerFactory loggerFactory) =>
            {
                var log = loggerFactory.CreateLogger("Orders");
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.BadRequest([|ex.Message|]);
                }
            });

            app.Run();
            """;
        const string fixedSource = """
            using System.Diagnostics;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapPost("/orders", (ILoggerFactory loggerFactory) =>
            {
                var log = loggerFactory.CreateLogger("Orders");
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    log.LogError(ex, "Unhandled error {ErrorId}", errorId);
                    return Results.BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                }
            });

            app.Run();
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Serilog_instance_logger_uses_its_own_api()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<OrdersController>();

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
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<OrdersController>();

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _log.Error(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Serilog_static_log_is_used_when_the_file_imports_Serilog()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Serilog;

            public class OrdersController : ControllerBase
            {
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
            using Serilog;

            public class OrdersController : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Log.Error(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task NLog_logger_uses_its_own_api()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly NLog.Logger Log = NLog.LogManager.GetCurrentClassLogger();

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
                private static readonly NLog.Logger Log = NLog.LogManager.GetCurrentClassLogger();

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Log.Error(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Log4net_logger_uses_its_own_api()
    {
        const string source = """
            using log4net;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(OrdersController));

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
            using log4net;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(OrdersController));

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Log.Error($"Unhandled error {errorId}", ex);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Microsoft_logger_wins_over_Serilog()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly Serilog.ILogger _serilog = Serilog.Log.ForContext<OrdersController>();
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
                private readonly Serilog.ILogger _serilog = Serilog.Log.ForContext<OrdersController>();
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
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Existing_log_call_gets_the_id_instead_of_a_second_call()
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
                        _logger.LogError(ex, "Failed to save order {OrderId}", id);
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

                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(ex, "Failed to save order {OrderId} {ErrorId}", id, errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Existing_interpolated_log_call_gets_an_id_hole()
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
                        _logger.LogWarning(ex, $"Failed to save order {id}");
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

                public IActionResult Save(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogWarning(ex, $"Failed to save order {id} {errorId}");
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Existing_Serilog_log_call_gets_the_id()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<OrdersController>();

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        _log.Error(ex, "Failed to save");
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
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<OrdersController>();

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _log.Error(ex, "Failed to save {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Existing_log4net_log_call_gets_the_id()
    {
        const string source = """
            using log4net;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(OrdersController));

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        Log.Error("Failed to save", ex);
                        return BadRequest([|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using log4net;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(OrdersController));

                public IActionResult Save()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Log.Error($"Failed to save {errorId}", ex);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Bare_catch_with_type_gets_a_variable()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class ReportsController : ControllerBase
            {
                private readonly ILogger<ReportsController> _logger;

                public ReportsController(ILogger<ReportsController> logger) => _logger = logger;

                public IActionResult Run(string sql)
                {
                    var command = new NpgsqlCommand(sql);
                    try
                    {
                        return Ok();
                    }
                    catch (NpgsqlException)
                    {
                        return BadRequest({|LEAK002:command.CommandText|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class ReportsController : ControllerBase
            {
                private readonly ILogger<ReportsController> _logger;

                public ReportsController(ILogger<ReportsController> logger) => _logger = logger;

                public IActionResult Run(string sql)
                {
                    var command = new NpgsqlCommand(sql);
                    try
                    {
                        return Ok();
                    }
                    catch (NpgsqlException ex)
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
    public Task Catch_without_declaration_gets_exception_variable()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class ReportsController : ControllerBase
            {
                private readonly ILogger<ReportsController> _logger;

                public ReportsController(ILogger<ReportsController> logger) => _logger = logger;

                public IActionResult Run(string sql)
                {
                    var command = new NpgsqlCommand(sql);
                    try
                    {
                        return Ok();
                    }
                    catch
                    {
                        return BadRequest({|LEAK002:command.CommandText|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class ReportsController : ControllerBase
            {
                private readonly ILogger<ReportsController> _logger;

                public ReportsController(ILogger<ReportsController> logger) => _logger = logger;

                public IActionResult Run(string sql)
                {
                    var command = new NpgsqlCommand(sql);
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
    public Task Controller_without_logger_or_constructor_gets_field_and_constructor()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class OrdersController : ControllerBase
            {
                private readonly List<string> _orders = new();

                public IActionResult Save()
                {
                    try
                    {
                        return Ok(_orders.Count);
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

            [ApiController]
            public class OrdersController : ControllerBase
            {
                private readonly List<string> _orders = new();
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger)
                {
                    _logger = logger;
                }

                public IActionResult Save()
                {
                    try
                    {
                        return Ok(_orders.Count);
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
    public Task Controller_constructor_gets_logger_parameter()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public interface IOrders { void Save(); }

            public class OrdersController : ControllerBase
            {
                private readonly IOrders _orders;

                public OrdersController(IOrders orders)
                {
                    _orders = orders;
                }

                public IActionResult Save()
                {
                    try
                    {
                        _orders.Save();
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

            public interface IOrders { void Save(); }

            public class OrdersController : ControllerBase
            {
                private readonly IOrders _orders;
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(IOrders orders, ILogger<OrdersController> logger)
                {
                    _orders = orders;
                    _logger = logger;
                }

                public IActionResult Save()
                {
                    try
                    {
                        _orders.Save();
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
    public Task Primary_constructor_gets_logger_parameter()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public interface IOrders { void Save(); }

            public class OrdersController(IOrders orders) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        orders.Save();
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

            public interface IOrders { void Save(); }

            public class OrdersController(IOrders orders, ILogger<OrdersController> logger) : ControllerBase
            {
                public IActionResult Save()
                {
                    try
                    {
                        orders.Save();
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Middleware_expression_bodied_constructor_gets_logger()
    {
        const string source = """
            public class ErrorMiddleware
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
                        await context.Response.WriteAsync([|ex.ToString()|]);
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
                        await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Hub_without_logger_gets_constructor()
    {
        const string source = """
            using Microsoft.AspNetCore.SignalR;

            public class ChatHub : Hub
            {
                public async Task Send(string message)
                {
                    try
                    {
                        await Clients.All.SendAsync("message", message);
                    }
                    catch (Exception ex)
                    {
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

                public ChatHub(ILogger<ChatHub> logger)
                {
                    _logger = logger;
                }

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
                        throw new HubException($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Exception_filter_class_gets_logger()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new ObjectResult([|context.Exception.Message|]) { StatusCode = 500 };
                    context.ExceptionHandled = true;
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class ApiExceptionFilter : IExceptionFilter
            {
                private readonly ILogger<ApiExceptionFilter> _logger;

                public ApiExceptionFilter(ILogger<ApiExceptionFilter> logger)
                {
                    _logger = logger;
                }

                public void OnException(ExceptionContext context)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    _logger.LogError(context.Exception, "Unhandled error {ErrorId}", errorId);
                    context.Result = new ObjectResult($"An unexpected error occurred. Error ID: {errorId}") { StatusCode = 500 };
                    context.ExceptionHandled = true;
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Exception_handler_with_primary_constructor_gets_logger()
    {
        const string source = """
            using Microsoft.AspNetCore.Diagnostics;

            public interface IClock { DateTime Now { get; } }

            public sealed class GlobalExceptionHandler(IClock clock) : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsJsonAsync([|new { error = exception.Message, at = clock.Now }|], cancellationToken);
                    return true;
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Diagnostics;

            public interface IClock { DateTime Now { get; } }

            public sealed class GlobalExceptionHandler(IClock clock, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    logger.LogError(exception, "Unhandled error {ErrorId}", errorId);
                    await httpContext.Response.WriteAsJsonAsync(new { error = "An unexpected error occurred.", at = clock.Now, errorId }, cancellationToken);
                    return true;
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Grpc_service_gets_logger()
    {
        const string source = """
            using Grpc.Core;

            public class GreeterService
            {
                public Task<string> SayHello(string request, ServerCallContext context)
                {
                    try
                    {
                        return Task.FromResult("hi");
                    }
                    catch (Exception ex)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, [|ex.Message|]));
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

                public GreeterService(ILogger<GreeterService> logger)
                {
                    _logger = logger;
                }

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
                        throw new RpcException(new Status(StatusCode.Internal, $"An unexpected error occurred. Error ID: {errorId}"));
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Minimal_api_handler_in_static_class_gets_logger_factory_parameter()
    {
        const string source = """
            namespace Shop;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/orders", (int id) =>
                    {
                        try
                        {
                            return Results.Ok(id);
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem([|ex.Message|]);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            namespace Shop;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/orders", (int id, ILoggerFactory loggerFactory) =>
                    {
                        try
                        {
                            return Results.Ok(id);
                        }
                        catch (Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            loggerFactory.CreateLogger("Shop.OrderEndpoints").LogError(ex, "Unhandled error {ErrorId}", errorId);
                            return Results.Problem($"An unexpected error occurred. Error ID: {errorId}");
                        }
                    });
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Minimal_api_handler_in_instance_class_gets_typed_logger_parameter()
    {
        const string source = """
            public class Routes
            {
                public void Map(IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/orders", () =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem([|ex.Message|]);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            public class Routes
            {
                public void Map(IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/orders", (ILogger<Routes> logger) =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                            return Results.Problem($"An unexpected error occurred. Error ID: {errorId}");
                        }
                    });
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Filter_attribute_uses_request_services()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class ApiExceptionAttribute : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    context.Result = new ObjectResult([|context.Exception.Message|]) { StatusCode = 500 };
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class ApiExceptionAttribute : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<ApiExceptionAttribute>>().LogError(context.Exception, "Unhandled error {ErrorId}", errorId);
                    context.Result = new ObjectResult($"An unexpected error occurred. Error ID: {errorId}") { StatusCode = 500 };
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Terminal_middleware_in_static_class_uses_request_services_logger_factory()
    {
        const string source = """
            namespace Shop;

            public static class ErrorPage
            {
                public static void UseErrorPage(this IApplicationBuilder builder)
                {
                    builder.Run(async context =>
                    {
                        try
                        {
                            await context.Response.WriteAsync("ok");
                        }
                        catch (Exception ex)
                        {
                            await context.Response.WriteAsync([|ex.Message|]);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            namespace Shop;

            public static class ErrorPage
            {
                public static void UseErrorPage(this IApplicationBuilder builder)
                {
                    builder.Run(async context =>
                    {
                        try
                        {
                            await context.Response.WriteAsync("ok");
                        }
                        catch (Exception ex)
                        {
                            var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.ErrorPage").LogError(ex, "Unhandled error {ErrorId}", errorId);
                            await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
                        }
                    });
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Exception_handler_lambda_with_feature_uses_app_logger()
    {
        const string source = """
            using Microsoft.AspNetCore.Diagnostics;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync([|feature?.Error.Message ?? "error"|]);
            }));

            app.Run();
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Diagnostics;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                context.Response.StatusCode = 500;
                var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                app.Logger.LogError(feature?.Error, "Unhandled error {ErrorId}", errorId);
                await context.Response.WriteAsync($"An unexpected error occurred. Error ID: {errorId}");
            }));

            app.Run();
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Expression_bodied_problem_details_callback_becomes_a_block()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails(options =>
                options.CustomizeProblemDetails = ctx => ctx.ProblemDetails.Detail = [|ctx.Exception?.Message|]);
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            using System.Diagnostics;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails(options =>
                options.CustomizeProblemDetails = ctx =>
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    ctx.HttpContext.RequestServices.GetRequiredService<ILogger<Program>>().LogError(ctx.Exception, "Unhandled error {ErrorId}", errorId);
                    ctx.ProblemDetails.Detail = $"An unexpected error occurred. Error ID: {errorId}";
                });
            var app = builder.Build();
            app.Run();
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Pattern_variable_in_a_filter_logs_the_pattern_input()
    {
        const string source = """
            using System.Data.Common;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class DbExceptionFilter(ILogger<DbExceptionFilter> logger) : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is DbException db)
                        context.Result = new ObjectResult({|LEAK002:db.Message|}) { StatusCode = 500 };
                }
            }
            """;
        const string fixedSource = """
            using System.Data.Common;
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class DbExceptionFilter(ILogger<DbExceptionFilter> logger) : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    logger.LogError(context.Exception, "Unhandled error {ErrorId}", errorId);
                    if (context.Exception is DbException db)
                        context.Result = new ObjectResult($"An unexpected error occurred. Error ID: {errorId}") { StatusCode = 500 };
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Static_helper_of_a_middleware_uses_request_services()
    {
        const string source = """
            using System.Net;

            public class ErrorHandlingMiddleware
            {
                private readonly RequestDelegate _next;

                public ErrorHandlingMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        await HandleExceptionAsync(context, ex);
                    }
                }

                private static Task HandleExceptionAsync(HttpContext context, Exception exception)
                {
                    context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                    return context.Response.WriteAsJsonAsync([|new { error = exception.Message, detail = exception.ToString() }|]);
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Net;

            public class ErrorHandlingMiddleware
            {
                private readonly RequestDelegate _next;

                public ErrorHandlingMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (Exception ex)
                    {
                        await HandleExceptionAsync(context, ex);
                    }
                }

                private static Task HandleExceptionAsync(HttpContext context, Exception exception)
                {
                    context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    context.RequestServices.GetRequiredService<ILogger<ErrorHandlingMiddleware>>().LogError(exception, "Unhandled error {ErrorId}", errorId);
                    return context.Response.WriteAsJsonAsync(new { error = "An unexpected error occurred.", errorId });
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Classic_mvc_controller_without_logging_library_uses_trace()
    {
        const string source = """
            using System.Web.Mvc;

            public class HomeController : Controller
            {
                public ActionResult Index()
                {
                    try
                    {
                        return Content("ok");
                    }
                    catch (Exception ex)
                    {
                        return Content([|ex.ToString()|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using System.Web.Mvc;

            public class HomeController : Controller
            {
                public ActionResult Index()
                {
                    try
                    {
                        return Content("ok");
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        Trace.TraceError("Unhandled error {0}: {1}", errorId, ex);
                        return Content($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Top_level_app_is_not_reachable_from_a_class_in_Program_cs()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/a", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Results.Problem([|ex.Message|]); }
            });
            app.Run();

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (Exception ex) { return BadRequest([|ex.Message|]); }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/a", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex)
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    app.Logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                    return Results.Problem($"An unexpected error occurred. Error ID: {errorId}");
                }
            });
            app.Run();

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger)
                {
                    _logger = logger;
                }

                public IActionResult Get()
                {
                    try { return Ok(); }
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
    public Task Razor_page_model_gets_logger_and_bare_catch_avoids_taken_names()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Npgsql;

            public class ReportModel : PageModel
            {
                public string? Error { get; set; }

                public IActionResult OnPost(string ex, NpgsqlCommand command)
                {
                    try
                    {
                        return Page();
                    }
                    catch (NpgsqlException)
                    {
                        Error = ex;
                        return BadRequest({|LEAK002:command.CommandText|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Npgsql;

            public class ReportModel : PageModel
            {
                private readonly ILogger<ReportModel> _logger;

                public ReportModel(ILogger<ReportModel> logger)
                {
                    _logger = logger;
                }

                public string? Error { get; set; }

                public IActionResult OnPost(string ex, NpgsqlCommand command)
                {
                    try
                    {
                        return Page();
                    }
                    catch (NpgsqlException exception)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        _logger.LogError(exception, "Unhandled error {ErrorId}", errorId);
                        Error = ex;
                        return BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }
    [Fact]
    public Task Method_group_route_handler_gets_logger_factory_parameter()
    {
        const string source = """
            namespace Shop;

            public static class ImportEndpoints
            {
                public static void MapImports(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/import", ImportAsync);
                }

                private static async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
                {
                    try
                    {
                        await request.Body.FlushAsync(cancellationToken);
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        return Results.BadRequest([|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            namespace Shop;

            public static class ImportEndpoints
            {
                public static void MapImports(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/import", ImportAsync);
                }

                private static async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken, ILoggerFactory loggerFactory)
                {
                    try
                    {
                        await request.Body.FlushAsync(cancellationToken);
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        loggerFactory.CreateLogger("Shop.ImportEndpoints").LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return Results.BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }

    [Fact]
    public Task Method_group_handler_also_called_directly_keeps_its_signature()
    {
        const string source = """
            namespace Shop;

            public static class ImportEndpoints
            {
                public static void MapImports(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/import", Import);
                }

                public static IResult Retry(HttpRequest request) => Import(request);

                private static IResult Import(HttpRequest request)
                {
                    try
                    {
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        return Results.BadRequest([|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Diagnostics;

            namespace Shop;

            public static class ImportEndpoints
            {
                public static void MapImports(this IEndpointRouteBuilder routes)
                {
                    routes.MapPost("/import", Import);
                }

                public static IResult Retry(HttpRequest request) => Import(request);

                private static IResult Import(HttpRequest request)
                {
                    try
                    {
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.ImportEndpoints").LogError(ex, "Unhandled error {ErrorId}", errorId);
                        return Results.BadRequest($"An unexpected error occurred. Error ID: {errorId}");
                    }
                }
            }
            """;
        return Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync(source, fixedSource);
    }
}
