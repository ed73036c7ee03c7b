using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Core;

/// <summary>
/// Options can differ per file (.editorconfig sections), so they are parsed once per syntax tree and kept for the
/// lifetime of one compilation (the cache is created in a compilation-start action, never static).
/// </summary>
internal sealed class PerTreeCache<T>
{
    private readonly ConcurrentDictionary<SyntaxTree, T> _values = new();
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly Func<SyntaxTree, T> _create;

    public PerTreeCache(AnalyzerOptions options, Func<AnalyzerConfigOptions, T> parse)
    {
        _provider = options.AnalyzerConfigOptionsProvider;
        _create = tree => parse(_provider.GetOptions(tree));
    }

    // Called from hot callbacks: the lookup allocates nothing once the tree is known.
    public T Get(SyntaxTree tree) => _values.TryGetValue(tree, out var value) ? value : _values.GetOrAdd(tree, _create);
}
