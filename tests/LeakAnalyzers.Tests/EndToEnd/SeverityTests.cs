using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>Severity set in .editorconfig applies to the packaged analyzer: a LEAK001 at error fails the build.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SeverityTests(PackagedSampleFixture fixture)
{
    [Fact]
    public async Task Severity_error_in_editorconfig_fails_the_build()
    {
        var app = fixture.CreateAppCopy("severity");
        File.WriteAllText(Path.Combine(app, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.LEAK001.severity = error
            """);
        var marked = LeakFindings.FromMarkers(app).Where(f => f.Id == "LEAK001").ToList();
        Assert.NotEmpty(marked);

        var build = await PackagedSampleFixture.BuildAsync(app);

        Assert.True(build.ExitCode != 0, "The build succeeded although LEAK001 is an error. " + build.Describe());
        var errors = LeakFindings.FromBuildOutput(build.Output, app, severity: "error");
        Assert.Contains(errors, e => e.Id == "LEAK001");
        Assert.DoesNotContain(errors, e => e.Id != "LEAK001");
        // Every LEAK001 became an error (none stayed a warning), and the failure is the rule's, not the compiler's.
        Assert.DoesNotContain(LeakFindings.FromBuildOutput(build.Output, app), w => w.Id == "LEAK001");
        Assert.DoesNotContain(": error CS", build.Output, StringComparison.Ordinal);
    }
}
