using System.Collections.Immutable;
using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>Half-typed code must not make the analyzer or the fix throw (AnalyzerRunner fails on any exception).</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("""public class A(ILogger l) { void M(string password) { l.LogInformation("{P}", password""")]
    [InlineData("""public class A(ILogger l) { void M(string password) { l.LogInformation($"{password"); } }""")]
    [InlineData("""public class A(ILogger l) { void M(string password) { l.LogInformation("{P} {Q}", , password); } }""")]
    [InlineData("""public class A(ILogger l) { void M(string password) { l.LogInformation("{P}", password + ); } }""")]
    [InlineData("""public class A(ILogger l) { void M() { l.LogInformation("{P}", Missing.Password); } }""")]
    [InlineData("""public class A(ILogger l) { void M(string password) { l.Log(password); Console.WriteLine(password, ); } }""")]
    [InlineData("""public class A { void M(string token) { var x = token; x = x + x; Serilog.Log.Information("{@X} {Y", x); } }""")]
    [InlineData("")]
    public async Task BrokenSource_DoesNotThrow(string source)
    {
        var solution = TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var project = solution.Projects.Single();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SecretInLogAnalyzer());
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers, allowCompilerErrors: true);
        var fix = new RemoveSecretFromLogCodeFix();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "LEAK004"))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            foreach (var action in actions)
                Assert.NotEmpty(await action.GetOperationsAsync(CancellationToken.None));
        }
    }
}
