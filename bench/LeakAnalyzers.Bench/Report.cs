using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Bench;

/// <summary>Prints the per-workload details, the summary table (Markdown) and the targets of issue 7.</summary>
internal static class Report
{
    public const double MaxShareOfCompile = 0.015;
    public const double MaxLeak004ToReference = 1.0;
    public const double MaxGrowth = 2.2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintWorkload(WorkloadSummary s, DiagnosticAnalyzer? reference, int runs)
    {
        var run = s.LastRun;
        Console.WriteLine();
        Console.WriteLine($"== {s.Workload.Name}: {s.Lines:N0} lines, {s.Workload.Files.Count:N0} files, {run.CompileErrors} compile errors, median of {runs} run(s)");
        Console.WriteLine($"   compile (parse + bind + emit)   {Ms(s.CompileMs),10}  (process CPU {Ms(s.CompileCpuMs)}; much less than wall clock means a busy machine)");
        foreach (var (analyzer, ms) in s.Leak)
            Console.WriteLine($"   {AnalyzerCatalog.Label(analyzer),-17} {analyzer.GetType().Name,-45} {Ms(ms),10}  {Pct(ms / s.CompileMs),8}");
        Console.WriteLine($"   LeakAnalyzers total             {Ms(s.LeakTotalMs),10}  {Pct(s.LeakShareOfCompile),8} of compile (median of the run totals)");
        Console.WriteLine($"   sum of the per-rule medians     {Ms(s.SumOfRuleMedians),10}  {Pct(s.SumOfRuleMedians / s.CompileMs),8} of compile");
        foreach (var (total, index) in s.RunTotals.Select((t, i) => (t, i)))
        {
            var perRule = string.Join(", ", s.Leak.Select(x => $"{AnalyzerCatalog.Label(x.Analyzer)} {s.Runs[index].AnalyzerMs[x.Analyzer]:F1}"));
            var r = s.Runs[index];
            Console.WriteLine($"   run {index + 1}: LeakAnalyzers {Ms(total)} = {Pct(total / r.CompileMs)} of its compile ({perRule}); compile {Ms(r.CompileMs)}, analysis {Ms(r.AnalysisWallMs)}; during analysis {r.Gc}");
        }
        if (reference is not null && s.ReferenceMs is { } refMs)
            Console.WriteLine($"   reference {reference.GetType().Name} {Ms(refMs),10}  {Pct(refMs / s.CompileMs),8}; LEAK004/reference = {Ratio(s.Leak004ToReference)}");
        Console.WriteLine($"   analysis wall clock (all analyzers, incl. driver) {Ms(run.AnalysisWallMs)}");
        var ids = run.Found.Keys.Concat(s.Workload.Planted?.Keys ?? Enumerable.Empty<string>())
            .Where(id => id.StartsWith("LEAK", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        var counts = ids.Select(id => $"{id} {run.Found.GetValueOrDefault(id)}" + (s.Workload.Planted is { } p ? $"/{p.GetValueOrDefault(id)} planted" : string.Empty));
        Console.WriteLine($"   diagnostics found: {string.Join(", ", counts)}");
        foreach (var crash in run.AnalyzerExceptions.Take(10))
            Console.WriteLine($"   ANALYZER EXCEPTION {crash}");
    }

    public static string SummaryTable(IReadOnlyList<WorkloadSummary> summaries, DiagnosticAnalyzer? reference)
    {
        var sb = new StringBuilder();
        var labels = summaries.Count > 0 ? summaries[0].Leak.Select(x => AnalyzerCatalog.Label(x.Analyzer)).ToList() : new List<string>();
        sb.Append("| Workload | Lines | Compile ms (CPU ms) |");
        foreach (var label in labels)
            sb.Append(' ').Append(label).Append(" ms |");
        sb.AppendLine(" LEAK total ms | % of compile | Reference (CA2017) ms | LEAK004 / reference | LEAK growth vs previous (lines) |");
        sb.Append("|---|---:|---:|");
        foreach (var _ in labels)
            sb.Append("---:|");
        sb.AppendLine("---:|---:|---:|---:|---:|");
        WorkloadSummary? previous = null;
        foreach (var s in summaries)
        {
            sb.Append(Invariant, $"| {s.Workload.Name} | {s.Lines:N0} | {s.CompileMs:F0} ({s.CompileCpuMs:F0}) |");
            foreach (var (_, ms) in s.Leak)
                sb.Append(Invariant, $" {ms:F1} |");
            var growth = previous is null || s.Workload.Planted is null || previous.LeakTotalMs <= 0
                ? "–"
                : $"{s.LeakTotalMs / previous.LeakTotalMs:F2} ({(double)s.Lines / previous.Lines:F2})";
            sb.AppendLine(Invariant, $" {s.LeakTotalMs:F1} | {Pct(s.LeakShareOfCompile)} | {(s.ReferenceMs is { } r ? r.ToString("F1", Invariant) : "–")} | {Ratio(s.Leak004ToReference)} | {growth} |");
            if (s.Workload.Planted is not null)
                previous = s;
        }
        return sb.ToString();
    }

    /// <summary>The three targets, judged on the largest generated app and the last pair of generated sizes.</summary>
    public static IReadOnlyList<string> Targets(IReadOnlyList<WorkloadSummary> summaries)
    {
        var generated = summaries.Where(s => s.Workload.Planted is not null).OrderBy(s => s.Lines).ToList();
        var lines = new List<string>();
        if (generated.Count == 0)
            return lines;
        var largest = generated[^1];
        lines.Add(Verdict(largest.LeakShareOfCompile <= MaxShareOfCompile,
            $"LeakAnalyzers total at {largest.Lines:N0} lines = {Pct(largest.LeakShareOfCompile)} of compile (target <= {Pct(MaxShareOfCompile)})"));
        if (largest.Leak004ToReference is { } ratio)
            lines.Add(Verdict(ratio <= MaxLeak004ToReference, $"LEAK004 / reference at {largest.Lines:N0} lines = {ratio:F2} (target <= {MaxLeak004ToReference:F1})"));
        else
            lines.Add("n/a   LEAK004 / reference: " + (largest.Leak004Ms is null ? "no LEAK004 analyzer yet" : "reference analyzer not loaded"));
        if (generated.Count >= 2 && generated[^2].LeakTotalMs > 0)
        {
            var before = generated[^2];
            var growth = largest.LeakTotalMs / before.LeakTotalMs;
            lines.Add(Verdict(growth <= MaxGrowth,
                $"growth {before.Lines:N0} -> {largest.Lines:N0} lines (x{(double)largest.Lines / before.Lines:F2}) = x{growth:F2} (target <= {MaxGrowth:F1})"));
            foreach (var ((analyzer, ms), (_, msBefore)) in largest.Leak.Zip(before.Leak))
                lines.Add(string.Create(Invariant, $"      {AnalyzerCatalog.Label(analyzer)}: x{ms / msBefore:F2}"));
            // For scale: what the compiler and the reference grew by in the same runs. On a machine whose speed drifts,
            // or whose caches suffer from the larger heap, these move with the LeakAnalyzers ratio.
            var reference = largest.ReferenceMs is { } r && before.ReferenceMs is { } rBefore && rBefore > 0
                ? string.Create(Invariant, $", reference x{r / rBefore:F2}")
                : string.Empty;
            lines.Add(string.Create(Invariant, $"      for scale, in the same runs: compile x{largest.CompileMs / before.CompileMs:F2}{reference}"));
        }
        return lines;
    }

    private static string Verdict(bool ok, string text) => (ok ? "MET   " : "MISSED ") + text;

    private static string Ms(double ms) => ms.ToString("F1", Invariant) + " ms";

    private static string Pct(double share) => (share * 100).ToString("F2", Invariant) + "%";

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F2", Invariant) : "–";
}
