using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.ExceptionDetailsInResponseAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// Locals written by deconstruction (<c>var (status, message) = ...</c>): each takes its own element of a tuple written
/// out (through switch arms, conditionals and helpers that return tuples); any other value counts as a whole.
/// </summary>
public class DeconstructionTests
{
    private static Task Verify(string body) => Verifier.DiagnosticsAsync($$"""
        using Microsoft.AspNetCore.Mvc;
        public class NotFoundException(string message) : Exception(message);
        public class OrdersController : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex)
                {
                    {{body}}
                }
            }

            private static (int Status, string Message) Describe(Exception x) => (500, x.Message);
            private static (int Status, string Message) Generic(Exception x) => (500, "An unexpected error occurred.");
            private static (string Code, string Detail) Pair(Exception x) => ("E42", x.StackTrace ?? "");
        }
        """);

    [Theory]
    [InlineData("var (status, message) = (500, ex.Message); return StatusCode(status, [|message|]);")]
    [InlineData("(int status, string message) = (500, ex.Message); return StatusCode(status, [|message|]);")]
    [InlineData("int status; string message; (status, message) = (500, ex.StackTrace!); return StatusCode(status, [|message|]);")]
    [InlineData("var (status, (code, text)) = (500, (\"E1\", ex.Message)); return StatusCode(status, [|text|]);")]
    [InlineData("var (status, message) = ex switch { ArgumentException => (400, \"Bad input.\"), _ => (500, ex.Message) }; return StatusCode(status, [|message|]);")]
    [InlineData("var (status, message) = ex is TimeoutException ? (504, ex.Message) : (500, \"Failed.\"); return StatusCode(status, [|message|]);")]
    [InlineData("var (status, message) = Describe(ex); return StatusCode(status, [|message|]);")]
    [InlineData("var (code, detail) = Pair(ex); return Problem([|detail|]);")]
    [InlineData("var pair = (500, ex.Message); var (status, message) = pair; return StatusCode(status, [|message|]);")]
    [InlineData("var pair = (\"E1\", ex.Message); pair = pair; pair = (pair.Item2, pair.Item1); var (code, message) = pair; return BadRequest([|code|]);")]
    [InlineData("var errors = new Dictionary<string, string> { [\"error\"] = ex.Message }; foreach (var (key, value) in errors) { return BadRequest([|value|]); } return StatusCode(500);")]
    [InlineData("foreach (var (code, (kind, text)) in new[] { (\"E1\", (\"Io\", ex.Message)) }) { return BadRequest([|text|]); } return StatusCode(500);")]
    public Task Deconstructed_exception_data_is_reported(string body) => Verify(body);

    [Theory]
    [InlineData("var (message, trace) = (\"Failed.\", ex.StackTrace); return BadRequest(message);")]
    [InlineData("var (code, detail) = Pair(ex); return Problem(code);")]
    [InlineData("var (status, message) = Generic(ex); return StatusCode(status, message);")]
    [InlineData("var (status, message) = ex switch { NotFoundException nf => (404, nf.Message), _ => (500, \"Failed.\") }; return StatusCode(status, message);")]
    [InlineData("var (_, message) = (ex.Message, \"Failed.\"); return BadRequest(message);")]
    [InlineData("foreach (var (key, value) in new Dictionary<string, string> { [\"error\"] = \"Failed.\" }) { return BadRequest(value); } return StatusCode(500);")]
    public Task Other_elements_stay_clean(string body) => Verify(body);

    [Fact]
    public Task Fix_replaces_an_anonymous_member_read_from_a_deconstructed_local() =>
        Verification.Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class ExportExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    var (status, message) = exception switch
                    {
                        TimeoutException => (504, "The export timed out."),
                        _ => (500, exception.Message),
                    };
                    httpContext.Response.StatusCode = status;
                    await httpContext.Response.WriteAsJsonAsync([|new { error = message }|], cancellationToken);
                    return true;
                }
            }
            """, """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class ExportExceptionHandler : IExceptionHandler
            {
                private readonly ILogger<ExportExceptionHandler> _logger;

                public ExportExceptionHandler(ILogger<ExportExceptionHandler> logger)
                {
                    _logger = logger;
                }

                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    var (status, message) = exception switch
                    {
                        TimeoutException => (504, "The export timed out."),
                        _ => (500, exception.Message),
                    };
                    httpContext.Response.StatusCode = status;
                    var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                    _logger.LogError(exception, "Unhandled error {ErrorId}", errorId);
                    await httpContext.Response.WriteAsJsonAsync(new { error = "An unexpected error occurred.", errorId }, cancellationToken);
                    return true;
                }
            }
            """);
    /// <summary>Every local of the item counts (the analyzer takes the collection whole), so the fix drops <c>field</c> too.</summary>
    [Fact]
    public Task Fix_replaces_a_local_deconstructed_by_foreach() =>
        Verification.Verify<ExceptionDetailsInResponseAnalyzer, CorrelationIdCodeFix>.FixAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class ImportController(ILogger<ImportController> logger) : ControllerBase
            {
                public IActionResult Import()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        foreach (var (field, reason) in new Dictionary<string, string> { ["file"] = ex.Message })
                        {
                            return BadRequest([|new { field, reason }|]);
                        }
                        return StatusCode(500);
                    }
                }
            }
            """, """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public class ImportController(ILogger<ImportController> logger) : ControllerBase
            {
                public IActionResult Import()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        var errorId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString();
                        logger.LogError(ex, "Unhandled error {ErrorId}", errorId);
                        foreach (var (field, reason) in new Dictionary<string, string> { ["file"] = ex.Message })
                        {
                            return BadRequest(new { reason = "An unexpected error occurred.", errorId });
                        }
                        return StatusCode(500);
                    }
                }
            }
            """);
}
