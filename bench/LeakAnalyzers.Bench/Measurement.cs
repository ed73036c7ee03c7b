using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Bench;

/// <summary>What one run measured.</summary>
internal sealed record RunResult(
    double CompileMs,
    double CompileCpuMs,
    ImmutableDictionary<DiagnosticAnalyzer, double> AnalyzerMs,
    double AnalysisWallMs,
    AnalysisGc Gc,
    int CompileErrors,
    ImmutableDictionary<string, int> Found,
    IReadOnlyList<string> AnalyzerExceptions,
    ImmutableArray<Diagnostic> LeakDiagnostics);

/// <summary>
/// One run over a workload. "Compile" is what the compiler does without analyzers: parse, bind and emit to memory.
/// Analyzer time is Roslyn's own per-analyzer telemetry (<c>logAnalyzerExecutionTime</c>), i.e. the time spent in
/// each analyzer's callbacks, the number a build's <c>-p:ReportAnalyzer=true</c> prints.
/// </summary>
internal sealed class Measurement
{
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly bool _concurrent;
    private readonly bool _freshAnalysis;

    public Measurement(ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent, bool freshAnalysis)
    {
        _references = references;
        _analyzers = analyzers;
        _concurrent = concurrent;
        _freshAnalysis = freshAnalysis;
    }

    public async Task<RunResult> RunAsync(Workload workload)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var trees = Parse(workload, parseOptions);
        var outputKind = workload.HasTopLevelStatements(trees) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CreateCompilation(trees, outputKind);
        int errors;
        using (var pe = new MemoryStream())
        {
            var emit = compilation.Emit(pe);
            errors = emit.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        }
        var compileMs = stopwatch.Elapsed.TotalMilliseconds;
        var compileCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;

        // By default the analyzers run on the compilation that was just compiled, as in csc, where the compiler and
        // the analyzer driver share one Compilation: the declaration tables and symbols the compile built are not
        // charged to whichever analyzer happens to touch them first. Method bodies are bound again for analysis either
        // way (the driver builds its own operation trees; that time is the driver's, not an analyzer's).
        // --fresh-analysis analyzes a second compilation over fresh trees instead, charging that first-touch work to
        // the analyzers (a stricter number, kept for comparison).
        Collect();
        var analysisCompilation = _freshAnalysis ? CreateCompilation(Parse(workload, parseOptions), outputKind) : compilation;
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = analysisCompilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptions(analysisCompilation.SyntaxTrees)),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: _concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        var gcBefore = AnalysisGc.Now();
        stopwatch.Restart();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var analysisWallMs = stopwatch.Elapsed.TotalMilliseconds;
        var gc = AnalysisGc.Now().Since(gcBefore);

        var times = ImmutableDictionary.CreateBuilder<DiagnosticAnalyzer, double>();
        foreach (var analyzer in _analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            times[analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
        }
        var found = diagnostics.GroupBy(d => d.Id).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
            exceptions.Enqueue(crash.GetMessage());
        var leakDiagnostics = diagnostics.Where(d => d.Id.StartsWith("LEAK", StringComparison.Ordinal)).ToImmutableArray();
        return new RunResult(compileMs, compileCpuMs, times.ToImmutable(), analysisWallMs, gc, errors, found, exceptions.ToList(), leakDiagnostics);
    }

    private static SyntaxTree[] Parse(Workload workload, CSharpParseOptions options) =>
        workload.Files
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), options, f.Path))
            .ToArray();

    private CSharpCompilation CreateCompilation(SyntaxTree[] trees, OutputKind kind) =>
        CSharpCompilation.Create("Measured", trees, _references, new CSharpCompilationOptions(
            kind,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release,
            concurrentBuild: _concurrent));

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
