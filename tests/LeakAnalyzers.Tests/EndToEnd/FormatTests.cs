using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>
/// <c>dotnet format analyzers --diagnostics LEAK001 LEAK002</c> loads the packaged analyzers and code fixes and
/// rewrites every leak; the rebuilt app compiles and has no LEAK001/LEAK002 left.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FormatTests(PackagedSampleFixture fixture)
{
    [Fact]
    public async Task Dotnet_format_fixes_every_LEAK001_and_LEAK002()
    {
        var app = fixture.CreateAppCopy("format");
        var marked = LeakFindings.FromMarkers(app).Where(f => f.Id is "LEAK001" or "LEAK002").ToList();
        Assert.NotEmpty(marked);
        var before = SourceTexts(app);

        var format = await ProcessRunner.DotnetAsync(app, PackagedSampleFixture.StepTimeout,
            "format", "analyzers", Path.Combine(app, PackagedSampleFixture.AppName + ".csproj"),
            "--diagnostics", "LEAK001", "LEAK002", "--verbosity", "diagnostic");
        Assert.True(format.ExitCode == 0, format.Describe());
        // dotnet format reports a fixer that throws as a line and still exits 0; name it before anything else.
        var fixFailures = format.Output.Split('\n').Where(l => l.Contains("Failed to apply code fix", StringComparison.Ordinal)).ToList();
        Assert.True(fixFailures.Count == 0, string.Join("\n", fixFailures) + "\n" + format.Describe());

        var after = SourceTexts(app);
        var changed = before.Keys.Where(f => before[f] != after.GetValueOrDefault(f)).ToList();
        var filesWithMarks = marked.Select(m => m.File).Distinct().ToList();
        Assert.True(filesWithMarks.All(changed.Contains),
            $"dotnet format left files with planted leaks unchanged: {string.Join(", ", filesWithMarks.Except(changed))}. " + format.Describe());

        var build = await PackagedSampleFixture.BuildAsync(app);
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Assert.True(build.ExitCode == 0 && errors.Count == 0,
            $"The fixed app does not build ({errors.Count} distinct errors):\n  {string.Join("\n  ", errors)}\n" + build.Describe(tailLines: 20));
        var left = LeakFindings.FromBuildOutput(build.Output, app).Where(f => f.Id is "LEAK001" or "LEAK002").ToList();
        Assert.True(left.Count == 0, $"LEAK001/LEAK002 left after dotnet format:\n  {string.Join("\n  ", left)}");
    }

    private static Dictionary<string, string> SourceTexts(string app) =>
        LeakFindings.SourceFiles(app).ToDictionary(p => Path.GetRelativePath(app, p).Replace('\\', '/'), File.ReadAllText);
}
