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

/// <summary>Half-typed code in the editor: the fix never throws, whatever it offers.</summary>
public class CodeFixBrokenCodeTests
{
    [Theory]
    [InlineData("""
        using Microsoft.AspNetCore.Mvc;
        public class C : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex) { return BadRequest(ex.Message)
        """, true)]
    [InlineData("""
        using Microsoft.AspNetCore.Mvc;
        public class C : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex) { return BadRequest(ex.Message + Missing()); }
            }
        }
        """, false)]
    [InlineData("""
        using Microsoft.AspNetCore.Mvc;
        public class C : ControllerBase
        {
            public C(ILogger<C> logger) : this() { }
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex) { return Problem(ex.ToString()); }
            }
        }
        """, true)]
    [InlineData("""
        var app = WebApplication.Create();
        app.MapGet("/", () => { try { return Results.Ok(); } catch (Exception ex) { return Results.Problem(ex.Message, ); } });
        """, true)]
    public async Task Fix_does_not_throw_on_broken_code(string source, bool fixOffered)
    {
        var solution = TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExceptionDetailsInResponseAnalyzer());
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(solution.Projects.Single(), analyzers, allowCompilerErrors: true);
        var fix = new CorrelationIdCodeFix();
        var applied = 0;
        foreach (var diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            foreach (var action in actions)
            {
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
                Assert.Contains("errorId", text);
                applied++;
            }
        }
        Assert.NotEmpty(diagnostics);
        // A value of an unknown (error) type has no CLR shape to keep: no fix until the code binds.
        Assert.Equal(fixOffered, applied > 0);
    }

    [Fact]
    public async Task Diagnostic_outside_the_document_span_is_ignored()
    {
        var solution = TestWorkspace.Create(new[] { "class C { }" }, Array.Empty<(string, string)>(), null, true, null);
        var document = solution.Projects.Single().Documents.Single(d => d.Name == "Test0.cs");
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = Diagnostic.Create(LeakAnalyzers.Core.RuleDescriptors.ExceptionDetailsInResponse,
            Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(500, 3)), "x", "y");
        var actions = new List<CodeAction>();
        await new CorrelationIdCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        Assert.Empty(actions);
    }
}
