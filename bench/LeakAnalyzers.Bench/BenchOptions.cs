using System.Globalization;

namespace LeakAnalyzers.Bench;

/// <summary>Command line: <c>[--sizes 50000,100000,200000] [--runs N] [--src DIR]... [--seed N] [--leak-rate R] [--concurrent] [--fresh-analysis] [--markdown FILE]</c>.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes,
    int Runs,
    IReadOnlyList<string> SourceDirectories,
    int Seed,
    double LeakRate,
    bool Concurrent,
    bool FreshAnalysis,
    string? MarkdownFile,
    bool ListDiagnostics)
{
    public static BenchOptions Parse(string[] args)
    {
        var sizes = new List<int> { 50_000, 100_000, 200_000 };
        var sizesGiven = false;
        var runs = 3;
        var sources = new List<string>();
        var seed = 7;
        var leakRate = 0.02;
        var concurrent = false;
        var fresh = false;
        string? markdown = null;
        var list = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes":
                    sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("k", "000", StringComparison.OrdinalIgnoreCase), CultureInfo.InvariantCulture))
                        .ToList();
                    sizesGiven = true;
                    break;
                case "--runs":
                    runs = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture));
                    break;
                case "--src":
                    sources.Add(Value());
                    break;
                case "--seed":
                    seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--leak-rate":
                    leakRate = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--concurrent":
                    concurrent = true;
                    break;
                case "--fresh-analysis":
                    fresh = true;
                    break;
                case "--list":
                    list = true;
                    break;
                case "--markdown":
                    markdown = Value();
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(string.Empty);
                default:
                    throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        // --src alone measures only the given trees; add --sizes to measure generated apps as well.
        if (sources.Count > 0 && !sizesGiven)
            sizes.Clear();
        return new BenchOptions(sizes, runs, sources, seed, leakRate, concurrent, fresh, markdown, list);
    }

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LeakAnalyzers.Bench -- [options]
          --sizes 50000,100000,200000  lines of the generated apps (default 50k,100k,200k; "100k" works too)
          --runs N                     runs per workload; medians are reported (default 3)
          --src DIR                    measure an existing source tree instead (repeatable; with --sizes, both)
          --seed N                     generator seed (default 7)
          --leak-rate R                share of sites written the leaky way (default 0.02)
          --concurrent                 concurrent compile and analysis (default: sequential, steadier numbers)
          --fresh-analysis             analyze a second, fresh compilation (default: the compiled one, as csc does)
          --markdown FILE              also write the summary table to FILE
          --list                       print every LEAK diagnostic of the last run (to check the planted leaks)
        """;
}
