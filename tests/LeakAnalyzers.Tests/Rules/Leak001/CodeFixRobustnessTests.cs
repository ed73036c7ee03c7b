using System.Collections.Immutable;
using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// The fix over the analyzer's whole value catalogue (propagation shapes): every diagnostic gets a fix, and the fixed
/// document compiles with no LEAK001/LEAK002 left. Exact output is pinned by the other CodeFix* tests.
/// </summary>
public class CodeFixRobustnessTests
{
    private const string Template = """
        using System.Text;
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;

        public class ErrorDto
        {
            public ErrorDto() { }
            public ErrorDto(string message) => Message = message;
            public string Message { get; set; } = "";
        }

        public class ShapesController : Controller
        {
            private readonly ILogger<ShapesController> _logger;

            public ShapesController(ILogger<ShapesController> logger) => _logger = logger;

            private static string Explain(Exception x) => x.Message + x.StackTrace;
            private static string Wrap(string s) => s;
            private static string Twice(string s) => s + s;

            public IActionResult Get()
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    BODY
                }
            }
        }
        """;

    [Theory]
    [InlineData("return BadRequest($\"Failed: {ex}\");")]
    [InlineData("return BadRequest((ex.Message, 500));")]
    [InlineData("return BadRequest((object)ex.Message);")]
    [InlineData("return BadRequest(DateTime.Now.Second > 1 ? ex.Message : \"error\");")]
    [InlineData("return BadRequest(Encoding.UTF8.GetBytes(ex.Message));")]
    [InlineData("return BadRequest(Explain(ex));")]
    [InlineData("return BadRequest(JsonSerializer.Serialize(ex));")]
    [InlineData("return BadRequest(Twice(ex.StackTrace!));")]
    [InlineData("return BadRequest(Wrap(ex.Message));")]
    [InlineData("return BadRequest(\"Failed: \" + ex.Message);")]
    [InlineData("return BadRequest(ex.Data[\"key\"]);")]
    [InlineData("return BadRequest(new ErrorDto(ex.Message));")]
    [InlineData("return BadRequest(new List<string> { ex.Message });")]
    [InlineData("return BadRequest(new { Error = ex.Message, Code = 42 });")]
    [InlineData("return BadRequest(new[] { ex.Message });")]
    [InlineData("return BadRequest(new Dictionary<string, object> { [\"trace\"] = ex.StackTrace!, [\"code\"] = 1 });")]
    [InlineData("return BadRequest(new ErrorDto(ex.Message) { Message = ex.ToString() });")]
    [InlineData("return Json(new { error = ex.Message, inner = new { ex.InnerException?.Message } });")]
    [InlineData("return View(ex);")]
    [InlineData("return BadRequest(string.Format(\"Failed: {0}\", ex.Message));")]
    [InlineData("return Conflict(ex.InnerException);")]
    [InlineData("return Content(ex.ToString());")]
    [InlineData("return Created(\"/x\", ex.Data);")]
    [InlineData("return Ok(ex.TargetSite);")]
    [InlineData("return Problem(detail: ex.StackTrace, title: ex.GetType().FullName);")]
    [InlineData("return StatusCode(500, ex);")]
    [InlineData("return ValidationProblem(ex.Message);")]
    [InlineData("var message = ex.Message; return BadRequest(message);")]
    [InlineData("var detail = new ErrorDto { Message = ex.Message }; return BadRequest(detail);")]
    [InlineData("var errors = new Dictionary<string, string> { [\"error\"] = ex.Message }; return BadRequest(errors);")]
    [InlineData("var list = new List<string>(); list.Add(ex.StackTrace!); return BadRequest(list);")]
    [InlineData("var sb = new StringBuilder(); sb.AppendLine(ex.Message); return BadRequest(sb.ToString());")]
    [InlineData("ModelState.AddModelError(\"\", ex.Message); return ValidationProblem(ModelState);")]
    [InlineData("ViewData[\"Error\"] = ex.Message; return Ok();")]
    [InlineData("Response.Headers[\"X-Error\"] = ex.Message; return StatusCode(500);")]
    [InlineData("Response.Headers.Append(\"X-Type\", ex.GetType().FullName); return StatusCode(500);")]
    [InlineData("_logger.LogError(ex, \"Failed\"); return BadRequest(ex.Message + ex.StackTrace);")]
    [InlineData("if (ex is TimeoutException) return StatusCode(504, ex.Message); return Problem(ex.ToString(), statusCode: 500);")]
    public async Task Every_shape_is_fixed_and_compiles(string body)
    {
        var source = Template.Replace("BODY", body);
        var solution = TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExceptionDetailsInResponseAnalyzer());
        var project = solution.Projects.Single();
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers);
        Assert.NotEmpty(diagnostics);

        var fix = new CorrelationIdCodeFix();
        var document = solution.GetDocument(diagnostics[0].Location.SourceTree)!;
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            Assert.True(actions.Count == 1, $"no fix offered for {diagnostic}");
        }
        var context = new FixAllContext(document, fix, FixAllScope.Document, CorrelationIdCodeFix.EquivalenceKey, fix.FixableDiagnosticIds,
            new Diagnostics(analyzers), CancellationToken.None);
        var action = await fix.GetFixAllProvider().GetFixAsync(context);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var fixedProject = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.Projects.Single();
        var text = (await fixedProject.Documents.Single(d => d.Name == "Test0.cs").GetTextAsync()).ToString();
        try
        {
            var remaining = await AnalyzerRunner.GetDiagnosticsAsync(fixedProject, analyzers);
            Assert.True(remaining.IsEmpty, string.Join(Environment.NewLine, remaining));
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException(e.Message + Environment.NewLine + "--- fixed ---" + Environment.NewLine + text);
        }
        Assert.Contains("LogError(ex, ", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "var errorId = "));
    }

    private sealed class Diagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers, allowCompilerErrors: true, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
