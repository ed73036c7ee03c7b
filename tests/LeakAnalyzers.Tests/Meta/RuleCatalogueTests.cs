using LeakAnalyzers.Core;
using LeakAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Meta;

/// <summary>
/// The catalogue stays consistent as rules are added: every ID an analyzer reports has its docs page, README row,
/// help link and release-tracking line; every option read in source is documented on its rule page; every analyzer
/// runs concurrently and skips generated code. Analyzers and fixes are found by reflection.
/// </summary>
public class RuleCatalogueTests
{
    private static string Root => InputSources.RepositoryRoot;

    [Fact]
    public void The_package_has_analyzers_and_fixes()
    {
        Assert.NotEmpty(LeakComponents.AnalyzerTypes);
        Assert.NotEmpty(LeakComponents.CodeFixTypes);
    }

    [Fact]
    public void Each_supported_id_has_a_docs_page()
    {
        var missing = LeakComponents.SupportedIds().Where(id => !File.Exists(Path.Combine(Root, "docs", "rules", id + ".md"))).ToList();
        Assert.True(missing.Count == 0, "no docs/rules page for " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_supported_id_has_a_readme_row()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var missing = LeakComponents.SupportedIds().Where(id => !readme.Contains($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "no README rules-table row for " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_descriptor_links_to_its_docs_page()
    {
        var wrong = LeakComponents.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.HelpLinkUri != RuleDescriptors.HelpLinkBase + d.Id + ".md")
            .Select(d => $"{d.Id}: '{d.HelpLinkUri}'")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "wrong help link: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Each_supported_id_has_a_release_tracking_line()
    {
        var folder = Path.Combine(Root, "src", "LeakAnalyzers");
        var lines = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
            .ToList();
        var missing = LeakComponents.SupportedIds()
            .Where(id => !lines.Any(l => l.StartsWith(id + " ", StringComparison.Ordinal) || l.StartsWith(id + "|", StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, "no AnalyzerReleases line for " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_option_read_in_source_is_documented_on_its_rule_page()
    {
        var pages = Directory.Exists(Path.Combine(Root, "docs", "rules"))
            ? Directory.EnumerateFiles(Path.Combine(Root, "docs", "rules"), "*.md").ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText)
            : new Dictionary<string, string>();
        var undocumented = new List<string>();
        foreach (var usage in OptionUsages.Find())
        {
            var documented = usage.RuleId is { } id
                ? pages.TryGetValue(id, out var page) && page.Contains(usage.Name, StringComparison.Ordinal)
                : pages.Values.Any(p => p.Contains(usage.Name, StringComparison.Ordinal));
            if (!documented)
                undocumented.Add($"'{usage.Name}' ({usage.RuleId ?? "rule unknown"}, read at {usage.Where})");
        }
        Assert.True(undocumented.Count == 0, "options missing from their rule page: " + string.Join("; ", undocumented.Distinct()));
    }

    [Fact]
    public void Option_finder_sees_literals_constants_and_helper_parameters()
    {
        // Guards the test above against passing because it finds nothing: the finder must see the three forms.
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            class C
            {
                const string Words = "secret_words";
                void A(AnalyzerConfigOptions o)
                {
                    const string Id = RuleIdentifiers.SecretInLog;
                    RuleOptions.GetList(o, Id, "sanitizer_methods");
                    RuleOptions.GetList(o, "LEAK001", Words);
                    Read(o, "deliberate_exception_types");
                }
                void Read(AnalyzerConfigOptions o, string name) => RuleOptions.GetBool(o, RuleDescriptors.CatchAllSwallowsHttpErrors.Id, name, false);
            }
            """).GetRoot();
        Assert.NotNull(root);
        var usages = OptionUsages.FindIn(new[] { ("C.cs", root) });
        Assert.Contains(new OptionUsage("sanitizer_methods", "LEAK004", "C.cs:7"), usages);
        Assert.Contains(new OptionUsage("secret_words", "LEAK001", "C.cs:8"), usages);
        Assert.Contains(new OptionUsage("deliberate_exception_types", "LEAK003", "C.cs:11"), usages);
    }

    [Fact]
    public void Each_analyzer_runs_concurrently_and_skips_generated_code()
    {
        var wrong = new List<string>();
        foreach (var analyzer in LeakComponents.CreateAnalyzers())
        {
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);
            if (!context.ConcurrentExecutionEnabled)
                wrong.Add($"{analyzer.GetType().Name} does not call EnableConcurrentExecution()");
            if (context.GeneratedCodeAnalysis != GeneratedCodeAnalysisFlags.ReportDiagnostics)
                wrong.Add($"{analyzer.GetType().Name} configures generated code analysis as {context.GeneratedCodeAnalysis?.ToString() ?? "(not called)"}, not ReportDiagnostics (skip it, let its own reports through)");
            if (context.Registrations == 0)
                wrong.Add($"{analyzer.GetType().Name} registers no action");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Each_code_fix_has_a_fixable_id_that_an_analyzer_reports()
    {
        var ids = LeakComponents.SupportedIds();
        var wrong = LeakComponents.CreateCodeFixes()
            .SelectMany(f => f.FixableDiagnosticIds.Where(id => !ids.Contains(id)).Select(id => $"{f.GetType().Name} fixes unknown {id}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
