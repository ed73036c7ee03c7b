using LeakAnalyzers.Bench.Generation;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.Bench;

/// <summary>A set of source files measured as one compilation: a generated app or an existing source tree.</summary>
internal sealed record Workload(string Name, IReadOnlyList<GeneratedFile> Files, IReadOnlyDictionary<string, int>? Planted)
{
    public int Lines => Files.Sum(f => SyntheticApp.CountLines(f.Text));

    public static Workload Synthetic(int targetLines, int seed, double leakRate)
    {
        var app = SyntheticApp.Generate(targetLines, seed, leakRate);
        return new Workload($"synthetic {targetLines / 1000}k", app.Files, app.Planted);
    }

    /// <summary>
    /// Every .cs file under <paramref name="directory"/> (bin/ and obj/ skipped), plus the Web SDK's implicit usings
    /// as a generated file, since SDK-style projects rely on them.
    /// </summary>
    public static Workload FromDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(root, p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new GeneratedFile(p, File.ReadAllText(p)))
            .ToList();
        files.Add(new GeneratedFile(Path.Combine(root, "obj", "GlobalUsings.g.cs"), AppTemplate.GlobalUsings));
        return new Workload(root, files, null);
    }

    public bool HasTopLevelStatements(IEnumerable<Microsoft.CodeAnalysis.SyntaxTree> trees) =>
        trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj");
    }
}
