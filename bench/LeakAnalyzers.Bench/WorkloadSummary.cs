using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Bench;

/// <summary>Medians over the runs of one workload.</summary>
internal sealed record WorkloadSummary(
    Workload Workload,
    int Lines,
    double CompileMs,
    double CompileCpuMs,
    ImmutableArray<(DiagnosticAnalyzer Analyzer, double Ms)> Leak,
    double LeakTotalMs,
    double? ReferenceMs,
    double? Leak004Ms,
    IReadOnlyList<RunResult> Runs)
{
    public RunResult LastRun => Runs[^1];

    public double LeakShareOfCompile => LeakTotalMs / CompileMs;

    /// <summary>
    /// The per-rule medians added up: shown next to the median of the run totals (which the target is judged on), because
    /// one long collection pause in a run lifts that run's total without any rule doing more work.
    /// </summary>
    public double SumOfRuleMedians => Leak.Sum(x => x.Ms);

    /// <summary>Each run's LeakAnalyzers total, in run order.</summary>
    public IEnumerable<double> RunTotals => Runs.Select(r => Leak.Sum(x => r.AnalyzerMs[x.Analyzer]));

    public double? Leak004ToReference => Leak004Ms is { } l && ReferenceMs is { } r && r > 0 ? l / r : null;

    public static WorkloadSummary Create(
        Workload workload, IReadOnlyList<RunResult> runs, ImmutableArray<DiagnosticAnalyzer> leak, DiagnosticAnalyzer? reference)
    {
        var perAnalyzer = leak.Select(a => (a, Statistics.Median(runs.Select(r => r.AnalyzerMs[a])))).ToImmutableArray();
        var leak004 = leak.FirstOrDefault(a => AnalyzerCatalog.Reports(a, "LEAK004"));
        return new WorkloadSummary(
            workload,
            workload.Lines,
            Statistics.Median(runs.Select(r => r.CompileMs)),
            Statistics.Median(runs.Select(r => r.CompileCpuMs)),
            perAnalyzer,
            Statistics.Median(runs.Select(r => leak.Sum(a => r.AnalyzerMs[a]))),
            reference is null ? null : Statistics.Median(runs.Select(r => r.AnalyzerMs[reference])),
            leak004 is null ? null : Statistics.Median(runs.Select(r => r.AnalyzerMs[leak004])),
            runs);
    }
}
