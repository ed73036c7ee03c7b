using System.Globalization;
using System.Collections.Immutable;
using System.Runtime;
using LeakAnalyzers.Bench;
using Microsoft.CodeAnalysis.Diagnostics;

// The LeakAnalyzers performance benchmark (issue 7). See docs/performance.md for what the numbers mean.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    if (e.Message.Length > 0)
        Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var leak = AnalyzerCatalog.LeakAnalyzers();
var reference = AnalyzerCatalog.ReferenceAnalyzer(out var referenceProblem);
Console.WriteLine($"LeakAnalyzers: {(leak.IsEmpty ? "none found" : string.Join(", ", leak.Select(a => $"{a.GetType().Name} ({AnalyzerCatalog.Label(a)})")))}");
Console.WriteLine(reference is null ? $"Reference: not loaded ({referenceProblem})" : $"Reference: {reference.GetType().FullName} ({AnalyzerCatalog.Label(reference)})");
Console.WriteLine($"Runtime {Environment.Version}, {Environment.ProcessorCount} CPUs, {(options.Concurrent ? "concurrent" : "sequential")} compile and analysis, {(options.FreshAnalysis ? "analysis on a fresh compilation" : "analysis on the compiled compilation")}, server GC {GCSettings.IsServerGC}");

Console.WriteLine(LoadAverage("at start"));
var all = reference is null ? leak : leak.Add(reference);
var measurement = new Measurement(ReferenceSet.Load(), all.CastArray<DiagnosticAnalyzer>(), options.Concurrent, options.FreshAnalysis);

var workloads = options.Sizes.Select(size => Workload.Synthetic(size, options.Seed, options.LeakRate))
    .Concat(options.SourceDirectories.Select(Workload.FromDirectory))
    .ToList();
var summaries = new List<WorkloadSummary>();
var failed = false;
// One unreported warm-up run of each workload first. Tiered compilation is off, so code is compiled on first use; code
// a workload reaches only at its size (LEAK003 builds control-flow graphs for a few shapes, and Roslyn's graph builder
// takes ~100 ms to compile) would otherwise be charged to the first measured run. It also loads the reference metadata
// before anything is timed.
foreach (var workload in workloads)
    await measurement.RunAsync(workload);
// Then the measured runs, the workloads taking turns (run 1 of every size, then run 2 ...): this machine's speed drifts
// over minutes, and a slow phase that fell on the runs of one size alone moved the growth ratio between sizes by a
// tenth or more. Taking turns spreads a phase over every size.
var allRuns = workloads.Select(_ => new List<RunResult>()).ToList();
for (var i = 0; i < options.Runs; i++)
{
    for (var w = 0; w < workloads.Count; w++)
        allRuns[w].Add(await measurement.RunAsync(workloads[w]));
}
for (var w = 0; w < workloads.Count; w++)
{
    var workload = workloads[w];
    var runs = allRuns[w];
    var summary = WorkloadSummary.Create(workload, runs, leak, reference);
    summaries.Add(summary);
    Report.PrintWorkload(summary, reference, options.Runs);
    if (options.ListDiagnostics)
    {
        foreach (var diagnostic in runs[^1].LeakDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal))
            Console.WriteLine($"     {diagnostic}");
    }
    failed |= runs.Any(r => r.AnalyzerExceptions.Count > 0);
}

Console.WriteLine(LoadAverage("at end"));
var table = Report.SummaryTable(summaries, reference);
Console.WriteLine();
Console.WriteLine(table);
foreach (var line in Report.Targets(summaries))
    Console.WriteLine(line);
if (options.MarkdownFile is not null)
    await File.WriteAllTextAsync(options.MarkdownFile, table);
return failed ? 1 : 0;

// Other processes competing for the CPUs stretch every wall-clock number; say how busy the machine was.
static string LoadAverage(string when) =>
    File.Exists("/proc/loadavg") ? $"Load average {when}: {File.ReadAllText("/proc/loadavg").Trim()}" : string.Empty;
