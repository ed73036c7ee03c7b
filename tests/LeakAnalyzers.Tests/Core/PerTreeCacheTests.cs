using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Core;

/// <summary>
/// Per-file options: each file gets what its own options parse to, and a project where no file sets the option gets the
/// unconfigured value for every file without any file's options being parsed.
/// </summary>
public class PerTreeCacheTests
{
    private static readonly SyntaxTree First = CSharpSyntaxTree.ParseText("class A { }", path: "A.cs");
    private static readonly SyntaxTree Second = CSharpSyntaxTree.ParseText("class B { }", path: "B.cs");
    private static readonly Compilation Compilation = CSharpCompilation.Create("Options", new[] { First, Second });

    [Fact]
    public void No_file_configured_answers_the_unconfigured_value_without_parsing()
    {
        var parsed = 0;
        var cache = PerTreeCache<string>.Create(Options(null, null), Compilation, o => { parsed++; return Value(o); }, IsConfigured, "default");

        Assert.Equal("default", cache.Get(First));
        Assert.Equal("default", cache.Get(Second));
        Assert.Equal(0, parsed);
    }

    [Fact]
    public void One_configured_file_gets_its_value_and_the_others_theirs()
    {
        var cache = PerTreeCache<string>.Create(Options(null, "tan"), Compilation, Value, IsConfigured, "default");

        Assert.Equal("parsed:", cache.Get(First));
        Assert.Equal("parsed:tan", cache.Get(Second));
        Assert.Equal("parsed:tan", cache.Get(Second));
    }

    [Fact]
    public void Without_a_configured_check_every_file_is_parsed()
    {
        var cache = new PerTreeCache<string>(Options(null, null), Compilation, Value);

        Assert.Equal("parsed:", cache.Get(First));
    }

    private static bool IsConfigured(AnalyzerConfigOptions options) => options.TryGetValue("key", out _);

    private static string Value(AnalyzerConfigOptions options) => "parsed:" + (options.TryGetValue("key", out var value) ? value : "");

    private static AnalyzerOptions Options(string? first, string? second) =>
        new(ImmutableArray<AdditionalText>.Empty, new Provider(new Dictionary<SyntaxTree, string?> { [First] = first, [Second] = second }));

    private sealed class Provider(Dictionary<SyntaxTree, string?> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new FileOptions(null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new FileOptions(values[tree]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class FileOptions(string? value) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? found)
        {
            found = key == "key" ? value : null;
            return found is not null;
        }
    }
}
