namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Representative code for every rule area (leaky and clean), so the mutation sweep starts from inputs on which the
/// analyzers report and the fixes run. Each snippet compiles on its own against the test references.
/// </summary>
public static class SnippetCorpus
{
    public static IReadOnlyList<(string Name, string Source)> All { get; } = new List<(string, string)>
    {
        ("controller", """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;

            namespace Corpus.Controllers;

            [ApiController]
            [Route("api/orders")]
            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;
                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(Load(id));
                    }
                    catch (DbUpdateException ex)
                    {
                        return Conflict(ex.InnerException?.Message);
                    }
                    catch (PostgresException ex)
                    {
                        return BadRequest(new { error = ex.MessageText, ex.Detail, sql = ex.InternalQuery });
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Load failed for {Id}", id);
                        return StatusCode(500, $"Failed: {ex.Message} {ex.StackTrace}");
                    }
                }

                [HttpPost("upload")]
                public async Task<IActionResult> Upload()
                {
                    try
                    {
                        var form = await Request.ReadFormAsync();
                        return Ok(form.Count);
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }

                private static object Load(int id) => id > 0 ? new { id } : throw new InvalidOperationException("missing");
            }
            """),
        ("minimal-api", """
            namespace Corpus.Endpoints;

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", (int id) =>
                    {
                        try
                        {
                            return Results.Ok(id);
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem(detail: ex.ToString(), statusCode: 500);
                        }
                    });
                    app.MapPost("/orders", async (HttpContext context) =>
                    {
                        try
                        {
                            var body = await context.Request.ReadFromJsonAsync<Dictionary<string, string>>();
                            return Results.Ok(body);
                        }
                        catch (Exception ex)
                        {
                            return Results.BadRequest(ex.Message);
                        }
                    });
                    app.MapGet("/safe", () => Results.Problem("Something went wrong."));
                }
            }
            """),
        ("middleware", """
            namespace Corpus.Middleware;

            public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Unhandled");
                        context.Response.StatusCode = 500;
                        await context.Response.WriteAsync(ex.Message);
                    }
                }
            }

            public static class PipelineExtensions
            {
                public static void UseErrors(this WebApplication app)
                {
                    app.Use(async (context, nextDelegate) =>
                    {
                        try
                        {
                            await nextDelegate(context);
                        }
                        catch (BadHttpRequestException)
                        {
                            throw;
                        }
                        catch (Exception e)
                        {
                            context.Response.StatusCode = 500;
                            await context.Response.WriteAsJsonAsync(new { message = e.Message, type = e.GetType().FullName });
                        }
                    });
                    app.UseExceptionHandler(handler => handler.Run(async context =>
                    {
                        await context.Response.WriteAsync("error");
                    }));
                }
            }
            """),
        ("exception-handlers", """
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            namespace Corpus.Handlers;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsJsonAsync(new ProblemDetails { Detail = exception.ToString() }, cancellationToken);
                    return true;
                }
            }

            public sealed class ErrorFilter : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    context.Result = new ObjectResult(context.Exception.Message) { StatusCode = 500 };
                    context.ExceptionHandled = true;
                }
            }

            public sealed class HttpStatusException(int statusCode, string message) : Exception(message)
            {
                public int StatusCode { get; } = statusCode;
            }
            """),
        ("logging-mel", """
            using Microsoft.Extensions.Configuration;

            namespace Corpus.Logging;

            public sealed record LoginRequest(string UserName, string Password);

            public partial class AuthService
            {
                private static readonly Action<ILogger, string, Exception?> LoggedIn =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "LoggedIn"), "Logged in with {Token}");

                private readonly ILogger<AuthService> _logger;
                private readonly IConfiguration _configuration;

                public AuthService(ILogger<AuthService> logger, IConfiguration configuration)
                {
                    _logger = logger;
                    _configuration = configuration;
                }

                public void Login(LoginRequest request, HttpContext context)
                {
                    _logger.LogInformation("Login {User} with {Password}", request.UserName, request.Password);
                    _logger.LogInformation($"Request {request}");
                    _logger.LogDebug("Auth header {Header}", context.Request.Headers.Authorization.ToString());
                    _logger.LogDebug("Connection {Cs}", _configuration.GetConnectionString("Default"));
                    _logger.LogDebug("Key {Key}", _configuration["Stripe:ApiKey"]);
                    var tokenLength = request.Password.Length;
                    _logger.LogInformation("Password length {Length}, name {PasswordPolicyName}", tokenLength, "strict");
                    using (_logger.BeginScope("Session {SessionId}", context.Request.Cookies["session"]))
                    {
                        LoggedIn(_logger, context.Request.Headers["Authorization"].ToString(), null);
                    }
                    foreach (var pair in _configuration.AsEnumerable())
                        _logger.LogTrace("{Key}={Value}", pair.Key, pair.Value);
                    Console.WriteLine("pwd " + request.Password);
                }
            }
            """),
        ("logging-serilog-nlog", """
            using Serilog;
            using Serilog.Context;

            namespace Corpus.Logging2;

            public class PaymentService
            {
                private static readonly NLog.Logger Nlog = NLog.LogManager.GetCurrentClassLogger();
                private readonly Serilog.ILogger _log = Log.ForContext<PaymentService>();

                public void Pay(string cardNumber, string cvv, string apiKeyName, string mapping)
                {
                    _log.Information("Paying with {CardNumber} {Cvv}", cardNumber, cvv);
                    _log.Information("Using {ApiKeyName} and {Mapping}", apiKeyName, mapping);
                    _log.Information("Card {Last4}", cardNumber[^4..]);
                    Log.ForContext("Secret", cvv).Warning("context");
                    using (LogContext.PushProperty("Token", cardNumber))
                    {
                        Log.Error("{@Payment}", new { cardNumber, cvv });
                    }
                    Nlog.Info("cvv {0}", cvv);
                    System.Diagnostics.Debug.WriteLine("card " + cardNumber);
                }
            }
            """),
        ("program-debug-features", """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<DbContext>(o => o.UseNpgsql("Host=x").EnableSensitiveDataLogging().EnableDetailedErrors());
            builder.Services.AddSignalR(o => o.EnableDetailedErrors = true);
            builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true");
            builder.WebHost.UseEnvironment("Development");
            Microsoft.IdentityModel.Logging.IdentityModelEventSource.ShowPII = true;
            var app = builder.Build();
            app.UseDeveloperExceptionPage();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            if (app.Environment.IsProduction())
            {
                app.UseExceptionHandler("/error");
            }
            else
            {
                app.UseDeveloperExceptionPage();
            }
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #endif
            app.Run();
            """),
        ("startup-class", """
            namespace Corpus.Startup;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseExceptionHandler("/error");
                        return;
                    }
                    app.UseDeveloperExceptionPage();
                }

                public void ConfigureOther(IApplicationBuilder app, IHostEnvironment env)
                {
                    if (env.EnvironmentName == "Development" || env.IsEnvironment("Local"))
                        app.UseDeveloperExceptionPage();
                    Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development");
                }
            }
            """),
        ("grpc-webapi2-legacy", """
            using Grpc.Core;
            using Grpc.Core.Interceptors;

            namespace Corpus.Legacy;

            public sealed class ErrorInterceptor : Interceptor
            {
                public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                    TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
                {
                    try
                    {
                        return await continuation(request, context);
                    }
                    catch (Exception ex)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, ex.ToString()));
                    }
                }
            }

            public sealed class ValuesController : System.Web.Http.ApiController
            {
                public System.Web.Http.IHttpActionResult Get()
                {
                    try
                    {
                        return Ok(1);
                    }
                    catch (Exception ex)
                    {
                        return InternalServerError(ex);
                    }
                }
            }
            """),
        ("helpers-and-flow", """
            namespace Corpus.Flow;

            public static class ErrorText
            {
                public static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;
                public static string Safe(Exception ex) => "error " + ex.HResult;
            }

            public class FlowController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public Microsoft.AspNetCore.Mvc.IActionResult Run(Func<int> work)
                {
                    try
                    {
                        return Ok(work());
                    }
                    catch (AggregateException agg) when (agg.InnerException is not null)
                    {
                        var inner = agg.InnerException;
                        var text = $"{inner.Message}";
                        return BadRequest(text);
                    }
                    catch (Exception ex)
                    {
                        var message = ErrorText.Describe(ex);
                        string other;
                        other = message;
                        return ex switch
                        {
                            ArgumentException => BadRequest(other),
                            _ => StatusCode(500, ErrorText.Safe(ex)),
                        };
                    }
                }
            }
            """),
    };
}
