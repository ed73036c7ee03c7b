using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Helpers that read the exception being handled without being handed one: through a parameter that holds it
/// (<c>ExceptionContext</c>, <c>IExceptionHandlerFeature</c>), the exception handler feature, a field that stores it,
/// or a getter of the class's own property. They are followed like helpers that catch.
/// </summary>
public class HandledExceptionHelperTests
{
    private static Task Verify(string members) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Diagnostics;
        public class ErrorController : ControllerBase
        {
            private static Exception? _last;
            {{members}}
        }
        """);

    [Theory]
    [InlineData("public IActionResult Error() => Problem([|Load()|]); private string Load() => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? \"\";")]
    [InlineData("public IActionResult Error() => Problem([|Load(HttpContext)|]); private static string Load(HttpContext c) => c.Features.Get<IExceptionHandlerPathFeature>()!.Error.ToString();")]
    [InlineData("public IActionResult Error() { var f = HttpContext.Features.Get<IExceptionHandlerFeature>(); return Problem([|Describe(f!)|]); } private static string Describe(IExceptionHandlerFeature f) => f.Error.Message;")]
    [InlineData("public IActionResult Error() { var f = HttpContext.Features.Get<IExceptionHandlerFeature>(); return Problem([|Describe(f!)|]); } private static string Describe(IExceptionHandlerFeature f) => Inner(f); private static string Inner(IExceptionHandlerFeature f) => f.Error.Message;")]
    [InlineData("public IActionResult Error() => Problem([|Load()|]); private static string Load() => _last?.Message ?? \"\";")]
    [InlineData("public IActionResult Error() => Problem([|ErrorText|]); private string ErrorText => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? \"\";")]
    [InlineData("public IActionResult Error() { var text = ErrorText; return Problem([|text|]); } private string ErrorText { get { var feature = HttpContext.Features.Get<IExceptionHandlerFeature>(); return feature?.Error.StackTrace ?? \"\"; } }")]
    [InlineData("public IActionResult Error() => Problem([|LastError|]); private static string LastError => _last?.ToString() ?? \"\";")]
    public Task Helper_reading_the_handled_exception_is_followed(string members) => Verify(members);

    [Theory]
    [InlineData("public IActionResult Error() => Problem(Load()); private string Load() => HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? \"\";")]
    [InlineData("public IActionResult Error() => Problem(Load()); private string Load() => HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? \"ok\" : \"failed\";")]
    [InlineData("public IActionResult Error() => Problem(Load()); private static string Load() => _last is null ? \"ok\" : \"failed\";")]
    [InlineData("public IActionResult Error() => Problem(Load(HttpContext)); private static string Load(HttpContext c) => c.TraceIdentifier;")]
    [InlineData("public IActionResult Error() => Problem(Title); private string Title => \"Something went wrong\";")]
    [InlineData("public IActionResult Error() => Problem(Describe(HttpContext.Features.Get<IExceptionHandlerFeature>()!)); private static string Describe(IExceptionHandlerFeature f) => f.Error is TimeoutException ? \"Timed out.\" : \"Failed.\";")]
    public Task Helper_returning_other_data_is_clean(string members) => Verify(members);

    [Fact]
    public Task Base_controller_property_reading_the_feature() => Verifier.DiagnosticsAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Diagnostics;
        public abstract class ApiControllerBase : ControllerBase
        {
            protected string ErrorDetail => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? "";
        }
        public class ErrorController : ApiControllerBase
        {
            public IActionResult Error() => Problem(detail: [|ErrorDetail|]);
        }
        """);

    [Fact]
    public Task Exception_filter_helpers() => Verifier.DiagnosticsAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        public class ErrorFilter : IExceptionFilter
        {
            public void OnException(ExceptionContext context)
            {
                context.Result = context.Exception is TimeoutException
                    ? new ObjectResult(Safe(context)) { StatusCode = 504 }
                    : new ObjectResult([|Describe(context)|]) { StatusCode = 500 };
            }
            private static object Describe(ExceptionContext context) => new { error = context.Exception.Message };
            private static object Safe(ExceptionContext context) => new { error = "Timed out.", trace = context.HttpContext.TraceIdentifier };
        }
        """);

    [Fact]
    public Task Problem_details_context_helper() => Verifier.DiagnosticsAsync("""
        public static class ProblemSetup
        {
            public static void Add(IServiceCollection services) =>
                services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx => ctx.ProblemDetails.Detail = [|Describe(ctx)|]);
            private static string? Describe(ProblemDetailsContext ctx) => ctx.Exception?.Message;
        }
        """);

    [Fact]
    public Task Web_api_and_system_web_helpers() => Verifier.DiagnosticsAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Web.Http.Filters;
        public class ErrorFilter : ExceptionFilterAttribute
        {
            public override void OnException(HttpActionExecutedContext context) =>
                context.Response = context.Request.CreateResponse(HttpStatusCode.InternalServerError, [|Describe(context)|]);
            private static string Describe(HttpActionExecutedContext context) => context.Exception.ToString();
        }
        public class LegacyController : System.Web.Mvc.Controller
        {
            public System.Web.Mvc.ActionResult Error()
            {
                Response.Write([|LastError()|]);
                return Content("error");
            }
            private string LastError() => HttpContext.Server.GetLastError().Message;
        }
        """);
    /// <summary>
    /// The fix logs the exception the helper read, written so it means the same at the sink: the feature read of a
    /// getter as it is, a helper's parameter replaced by the caller's argument.
    /// </summary>
    [Fact]
    public Task Fix_logs_the_exception_the_helper_read() =>
        Verification.Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync("""
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorPageController : ControllerBase
            {
                private string FailureDetail => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? "Unknown error";

                public IActionResult Error() => Problem(detail: [|FailureDetail|]);

                public IActionResult Details()
                {
                    var feature = HttpContext.Features.Get<IExceptionHandlerFeature>();
                    return Problem(detail: [|Describe(feature!)|]);
                }

                private static string Describe(IExceptionHandlerFeature f) => f.Error.Message;
            }
            """, """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorPageController : ControllerBase
            {
                private readonly ILogger<ErrorPageController> _logger;

                public ErrorPageController(ILogger<ErrorPageController> logger)
                {
                    _logger = logger;
                }

                private string FailureDetail => HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message ?? "Unknown error";

                public IActionResult Error()
                {
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    _logger.LogError(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error, "Unhandled error {ErrorId}", errorId);
                    return Problem(detail: $"An unexpected error occurred. Error ID: {errorId}");
                }

                public IActionResult Details()
                {
                    var feature = HttpContext.Features.Get<IExceptionHandlerFeature>();
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    _logger.LogError(feature!.Error, "Unhandled error {ErrorId}", errorId);
                    return Problem(detail: $"An unexpected error occurred. Error ID: {errorId}");
                }

                private static string Describe(IExceptionHandlerFeature f) => f.Error.Message;
            }
            """);
}
