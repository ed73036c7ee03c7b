using System.Collections.Immutable;
using System.Diagnostics;
using LeakAnalyzers.Bench.Generation;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Cancellation is honoured: an IDE cancels analysis on every keystroke, so a pre-cancelled token must stop analysis
/// at once and a cancel in the middle of a large compilation must stop it promptly.
/// </summary>
public class CancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Pre_cancelled_token_stops_each_analyzer_and_all_together()
    {
        var compilation = await CorpusCompilationAsync();
        var sets = LeakComponents.CreateAnalyzers().Select(a => ImmutableArray.Create(a)).ToList();
        if (sets.Count > 1)
            sets.Add(LeakComponents.CreateAnalyzers());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var analyzers in sets)
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var stopwatch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cancelled.Token));
            Assert.True(stopwatch.Elapsed < Prompt, $"{Names(analyzers)} took {stopwatch.Elapsed} to honour a cancelled token");
        }
    }

    [Fact]
    public async Task Cancel_during_analysis_of_a_large_app_stops_promptly()
    {
        var analyzers = LeakComponents.CreateAnalyzers();
        if (analyzers.IsEmpty)
            return; // No rule has landed yet; RuleCatalogueTests.The_package_has_analyzers_and_fixes says so.
        var app = SyntheticApp.Generate(8_000, seed: 3, leakRate: 0.05);
        var trees = app.Files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), new CSharpParseOptions(LanguageVersion.Latest), f.Path));
        var compilation = CSharpCompilation.Create("Synthetic", trees, References.Default,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        using var cts = new CancellationTokenSource();
        var analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync(cts.Token);
        await Task.Delay(200);
        Assert.False(analysis.IsCompleted, "analysis finished before it could be cancelled; the input is too small for this test");
        var stopwatch = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis);
        Assert.True(stopwatch.Elapsed < Prompt, $"analysis took {stopwatch.Elapsed} to stop after cancellation");
    }

    private static async Task<Compilation> CorpusCompilationAsync()
    {
        var documents = SnippetCorpus.All.Select(s => ($"{s.Name}.cs", s.Source)).ToList();
        var project = RobustnessHarness.CreateProject(new SweepInput("corpus", documents));
        return (await project.GetCompilationAsync())!;
    }

    private static string Names(ImmutableArray<DiagnosticAnalyzer> analyzers) => string.Join(", ", analyzers.Select(a => a.GetType().Name));
}
