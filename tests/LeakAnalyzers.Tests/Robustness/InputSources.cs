using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using LeakAnalyzers.Tests.Verification;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>Where sweep inputs come from besides the built-in corpus: the sample app and the other tests' inputs.</summary>
public static class InputSources
{
    /// <summary>The repository root: the first folder above the test binaries that holds LeakAnalyzers.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>samples/LeakyApi/**/*.cs (bin/ and obj/ skipped), as (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> SampleApp()
    {
        var folder = Path.Combine(RepositoryRoot, "samples", "LeakyApi");
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("" + Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>
    /// The C# inputs of the other tests: every multi-line raw string literal in tests/LeakAnalyzers.Tests that looks
    /// like code, with its diagnostic markup removed.
    /// </summary>
    public static IReadOnlyList<(string Name, string Source)> TestInputs()
    {
        var folder = Path.Combine(RepositoryRoot, "tests", "LeakAnalyzers.Tests");
        var result = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or "Robustness" or "Stubs" or "Verification")
                continue;
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var index = 0;
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || !LooksLikeCode(token.ValueText))
                    continue;
                result.Add(($"{relative}#{index++}", StripMarkup(token.ValueText)));
            }
        }
        return result;
    }

    private static bool LooksLikeCode(string text) =>
        text.Contains(';') && (text.Contains("class ") || text.Contains("record ") || text.Contains("var "));

    private static string StripMarkup(string text)
    {
        try
        {
            return Markup.Parse(text, "LEAK000").Source;
        }
        catch (InvalidOperationException)
        {
            return text;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeakAnalyzers.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("LeakAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
