using System.Collections.Immutable;
using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak005;

/// <summary>Half-typed code must neither crash the analyzer nor the fix.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("var app = WebApplication.CreateBuilder(args).Build(); app.UseDeveloperExceptionPage(")]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.Services.AddSignalR(o => o.EnableDetailedErrors = );")]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.WebHost.UseSetting(, \"true\");")]
    [InlineData("var builder = WebApplication.CreateBuilder(args); builder.Configuration[] = \"true\";")]
    [InlineData("System.Environment.SetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\");")]
    [InlineData("#if DEBUG\n#elif\n#else\nvar app = WebApplication.CreateBuilder(args).Build(); app.UseDeveloperExceptionPage();")]
    [InlineData("public class C { void M(IApplicationBuilder app, IWebHostEnvironment env) { if (env.IsDevelopment( app.UseDeveloperExceptionPage(); } }")]
    public async Task Broken_code_does_not_throw(string source)
    {
        var solution = TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, implicitUsings: true, outputKind: null);
        var project = solution.Projects.Single();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DebugFeatureOutsideDevelopmentAnalyzer());
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, analyzers, allowCompilerErrors: true);
        var fix = new GuardWithIsDevelopmentCodeFix();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "LEAK005"))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            foreach (var action in actions)
                Assert.NotEmpty(await action.GetOperationsAsync(CancellationToken.None));
        }
    }
}
