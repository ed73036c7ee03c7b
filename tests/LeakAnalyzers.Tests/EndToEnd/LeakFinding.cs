using System.Text.RegularExpressions;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>One LEAK diagnostic (or expectation) at a source line, the path relative to the app folder with '/'.</summary>
internal sealed record LeakFinding(string File, int Line, string Id)
{
    public override string ToString() => $"{File}:{Line} {Id}";
}

/// <summary>
/// Reads what the build reported and what the sample promises. The build prints each warning twice (inline and
/// in the summary), so diagnostics are made distinct by file, line, column and ID before they are counted; the
/// comparison is then per line, as the markers are.
/// </summary>
internal static partial class LeakFindings
{
    // "/tmp/x/LeakyApi/ErrorResponses/OrdersController.cs(29,31): warning LEAK001: 'ex.Message' reaches … [/tmp/x/LeakyApi/LeakyApi.csproj]"
    [GeneratedRegex(@"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error) (?<id>LEAK\d{3})\b", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    // "return BadRequest(ex.Message); // expect: LEAK001" (several IDs: "// expect: LEAK001, LEAK002")
    [GeneratedRegex(@"//\s*expect:\s*(?<ids>LEAK\d{3}(?:\s*,\s*LEAK\d{3})*)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"LEAK\d{3}")]
    private static partial Regex Id();

    /// <summary>Distinct LEAK diagnostics of the given severity in build output, as findings relative to <paramref name="appDirectory"/>.</summary>
    public static List<LeakFinding> FromBuildOutput(string output, string appDirectory, string severity = "warning")
    {
        var seen = new HashSet<(string File, int Line, int Column, string Id)>();
        var findings = new List<LeakFinding>();
        foreach (Match match in DiagnosticLine().Matches(output))
        {
            if (match.Groups["severity"].Value != severity)
                continue;
            var file = Relative(appDirectory, match.Groups["file"].Value.Trim());
            var line = int.Parse(match.Groups["line"].Value);
            var column = int.Parse(match.Groups["col"].Value);
            var id = match.Groups["id"].Value;
            if (seen.Add((file, line, column, id)))
                findings.Add(new LeakFinding(file, line, id));
        }
        return Sorted(findings);
    }

    /// <summary>Every <c>// expect: LEAK00N</c> marker in the app's C# sources.</summary>
    public static List<LeakFinding> FromMarkers(string appDirectory)
    {
        var findings = new List<LeakFinding>();
        foreach (var path in SourceFiles(appDirectory))
        {
            var file = Relative(appDirectory, path);
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker().Match(lines[i]);
                if (!marker.Success)
                    continue;
                foreach (Match id in Id().Matches(marker.Groups["ids"].Value))
                    findings.Add(new LeakFinding(file, i + 1, id.Value));
            }
        }
        return Sorted(findings);
    }

    public static IEnumerable<string> SourceFiles(string appDirectory) =>
        Directory.EnumerateFiles(appDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(appDirectory, p))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>Multiset difference, so a line reported twice for one marker shows up as unexpected.</summary>
    public static List<LeakFinding> Minus(IEnumerable<LeakFinding> left, IEnumerable<LeakFinding> right)
    {
        var remaining = right.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<LeakFinding>();
        foreach (var finding in left)
        {
            if (remaining.TryGetValue(finding, out var count) && count > 0)
                remaining[finding] = count - 1;
            else
                result.Add(finding);
        }
        return result;
    }

    private static bool IsBuildOutput(string appDirectory, string path)
    {
        var relative = Relative(appDirectory, path);
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static string Relative(string appDirectory, string path) =>
        Path.GetRelativePath(appDirectory, Path.GetFullPath(path, appDirectory)).Replace('\\', '/');

    private static List<LeakFinding> Sorted(List<LeakFinding> findings) =>
        findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
}
