using System.Text.Json;
using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>
/// The sample app built against the package (not the projects): the LEAK warnings are exactly the planted
/// <c>// expect: LEAK00N</c> markers, and the SARIF log carries the rules' help links.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackagedBuildTests(PackagedSampleFixture fixture)
{
    [Fact]
    public async Task Build_reports_exactly_the_marked_leaks()
    {
        var baseline = await fixture.BaselineAsync();
        Assert.True(baseline.Build.ExitCode == 0, baseline.Build.Describe());

        var expected = LeakFindings.FromMarkers(baseline.AppDirectory);
        var reported = LeakFindings.FromBuildOutput(baseline.Build.Output, baseline.AppDirectory);
        Assert.NotEmpty(expected);

        var missing = LeakFindings.Minus(expected, reported);
        var unexpected = LeakFindings.Minus(reported, expected);
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"{expected.Count} markers, {reported.Count} distinct LEAK warnings.\n"
            + $"Marked but not reported ({missing.Count}):\n  {string.Join("\n  ", missing)}\n"
            + $"Reported but not marked ({unexpected.Count}):\n  {string.Join("\n  ", unexpected)}");
    }

    [Fact]
    public async Task Sarif_log_carries_the_rule_help_links()
    {
        var baseline = await fixture.BaselineAsync();
        Assert.True(File.Exists(baseline.SarifPath), "No SARIF log written. " + baseline.Build.Describe());

        using var document = JsonDocument.Parse(File.ReadAllText(baseline.SarifPath));
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());

        var leakResults = 0;
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            var helpUris = RuleHelpUris(run);
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
                if (ruleId is null || !ruleId.StartsWith("LEAK", StringComparison.Ordinal))
                    continue;
                leakResults++;
                // SARIF puts the help link on the rule (tool.driver.rules[].helpUri); accept one on the result too.
                var helpUri = helpUris.GetValueOrDefault(ruleId)
                    ?? (result.TryGetProperty("helpUri", out var own) ? own.GetString() : null);
                Assert.True(helpUri is not null, $"No helpUri for {ruleId} in the SARIF log.");
                Assert.EndsWith($"docs/rules/{ruleId}.md", helpUri, StringComparison.Ordinal);
                Assert.True(Uri.IsWellFormedUriString(helpUri, UriKind.Absolute), $"'{helpUri}' is not an absolute URI.");
            }
        }
        Assert.True(leakResults > 0, "The SARIF log has no LEAK results.");
    }

    private static Dictionary<string, string?> RuleHelpUris(JsonElement run)
    {
        var uris = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
            && driver.TryGetProperty("rules", out var rules))
        {
            foreach (var rule in rules.EnumerateArray())
            {
                if (rule.TryGetProperty("id", out var id) && id.GetString() is { } ruleId)
                    uris[ruleId] = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
            }
        }
        return uris;
    }
}
