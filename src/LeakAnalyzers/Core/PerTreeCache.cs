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
    private readonly bool _sameForAllFiles;
    private readonly T _allFiles;

    /// <summary>
    /// The trees asked about most recently, in front of the dictionary: nearly every call finds its tree there without
    /// hashing it (LEAK004 asks once per invocation of the project).
    /// </summary>
    private readonly RecentTable<SyntaxTree, T> _recent = new(16);

    /// <param name="compilation">Sizes the tables for its files up front: growing them allocates during analysis.</param>
    public PerTreeCache(AnalyzerOptions options, Compilation compilation, Func<AnalyzerConfigOptions, T> parse)
        : this(options, parse, FileCount(compilation), sameForAllFiles: false, allFiles: default!)
    {
    }

    private PerTreeCache(AnalyzerOptions options, Func<AnalyzerConfigOptions, T> parse, int files, bool sameForAllFiles, T allFiles)
    {
        _byTree = new ConcurrentDictionary<SyntaxTree, T>(ConcurrencyLevel, Math.Max(files, 31));
        _byOptions = new ConcurrentDictionary<AnalyzerConfigOptions, T>(ConcurrencyLevel, Math.Max(files, 31));
        _provider = options.AnalyzerConfigOptionsProvider;
        _parse = parse;
        _create = Create;
        _sameForAllFiles = sameForAllFiles;
        _allFiles = allFiles;
    }

    /// <summary>
    /// A cache that answers <paramref name="unconfigured"/> for every file without looking at any when no file's options
    /// satisfy <paramref name="isConfigured"/> (the usual case: most projects set none of a rule's options). Asking every
    /// file once here, in one loop at compilation start, costs far less than a first read of each file during analysis,
    /// when its options are cold (LEAK004 asks at every invocation, because any call may be a configured log method:
    /// about 15 ms of its time at 200k lines on the benchmark, against 2–5 ms for this loop).
    /// <paramref name="isConfigured"/> must be true for every options object that <paramref name="parse"/> would not
    /// turn into <paramref name="unconfigured"/>.
    /// </summary>
    public static PerTreeCache<T> Create(AnalyzerOptions options, Compilation compilation, Func<AnalyzerConfigOptions, T> parse,
        Func<AnalyzerConfigOptions, bool> isConfigured, T unconfigured)
    {
        if (RuleOptions.AnyFile(compilation, options.AnalyzerConfigOptionsProvider, isConfigured))
            return new PerTreeCache<T>(options, compilation, parse);
        // Nothing to remember per file: the tables stay at their smallest.
        return new PerTreeCache<T>(options, parse, files: 0, sameForAllFiles: true, unconfigured);
    }

    private static int FileCount(Compilation compilation)
    {
        var files = 0;
        foreach (var _ in compilation.SyntaxTrees)
            files++;
        return files;
    }

    // Called from hot callbacks: the lookup allocates nothing once the tree is known.
    public T Get(SyntaxTree tree)
    {
        if (_sameForAllFiles)
            return _allFiles;
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
