using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Bench;

/// <summary>
/// The analyzer options a project with an .editorconfig gets from csc: one options object per file, each over the
/// same dictionary of the matching sections' keys (csc wraps the shared section result per syntax tree). Without it
/// every file would share the compiler's single empty options object, and an analyzer that caches parsed options by
/// that object would look cheaper than it is in most real projects. The keys are a typical ASP.NET project's.
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private static readonly ImmutableDictionary<string, string> SectionKeys = ImmutableDictionary.CreateRange(
        AnalyzerConfigOptions.KeyComparer,
        new Dictionary<string, string>
        {
            ["indent_style"] = "space",
            ["indent_size"] = "4",
            ["end_of_line"] = "lf",
            ["charset"] = "utf-8",
            ["dotnet_sort_system_directives_first"] = "true",
            ["csharp_style_namespace_declarations"] = "file_scoped:warning",
            ["dotnet_diagnostic.CA1848.severity"] = "suggestion",
            ["dotnet_diagnostic.IDE0005.severity"] = "warning",
        });

    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _perFile = new();

    public EditorConfigOptions(IEnumerable<SyntaxTree> trees)
    {
        foreach (var tree in trees)
            _perFile[tree] = new SectionOptions(SectionKeys);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new SectionOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perFile.TryGetValue(tree, out var options) ? options : GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class SectionOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _keys;

        public SectionOptions(ImmutableDictionary<string, string> keys) => _keys = keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _keys.TryGetValue(key, out value);
    }
}
