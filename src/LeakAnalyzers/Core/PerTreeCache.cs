using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Core;

/// <summary>
/// Options can differ per file (.editorconfig sections), so they are parsed per syntax tree and kept for the lifetime
/// of one compilation (the cache is created in a compilation-start action, never static). Trees that share one
/// <see cref="AnalyzerConfigOptions"/> object (the compiler gives every file without matching sections the same empty
/// one) share one parse.
/// </summary>
internal sealed class PerTreeCache<T>
{
    // The processor count is off limits to analyzers (RS1035); this is only the number of lock stripes.
    private const int ConcurrencyLevel = 8;

    private readonly ConcurrentDictionary<SyntaxTree, T> _byTree;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, T> _byOptions;
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly Func<AnalyzerConfigOptions, T> _parse;
    private readonly Func<SyntaxTree, T> _create;

    /// <summary>
    /// The trees asked about most recently, in front of the dictionary: nearly every call finds its tree there without
    /// hashing it (LEAK004 asks once per invocation of the project).
    /// </summary>
    private readonly RecentTable<SyntaxTree, T> _recent = new(16);

    /// <param name="compilation">Sizes the tables for its files up front: growing them allocates during analysis.</param>
    public PerTreeCache(AnalyzerOptions options, Compilation compilation, Func<AnalyzerConfigOptions, T> parse)
    {
        var files = 0;
        foreach (var _ in compilation.SyntaxTrees)
            files++;
        _byTree = new ConcurrentDictionary<SyntaxTree, T>(ConcurrencyLevel, Math.Max(files, 31));
        _byOptions = new ConcurrentDictionary<AnalyzerConfigOptions, T>(ConcurrencyLevel, Math.Max(files, 31));
        _provider = options.AnalyzerConfigOptionsProvider;
        _parse = parse;
        _create = Create;
    }

    // Called from hot callbacks: the lookup allocates nothing once the tree is known.
    public T Get(SyntaxTree tree)
    {
        if (_recent.TryGet(tree, out var recent))
            return recent;
        return _recent.Remember(tree, _byTree.TryGetValue(tree, out var known) ? known : _byTree.GetOrAdd(tree, _create));
    }

    private T Create(SyntaxTree tree)
    {
        var options = _provider.GetOptions(tree);
        return _byOptions.TryGetValue(options, out var parsed) ? parsed : _byOptions.GetOrAdd(options, _parse);
    }
}
