using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Core;

/// <summary>
/// Reads options in the NetAnalyzers form: <c>dotnet_code_quality.LEAK001.option = value</c>, falling back to the
/// rule-less <c>dotnet_code_quality.option = value</c>. Lists are comma-separated.
/// </summary>
internal static class RuleOptions
{
    private const string Prefix = "dotnet_code_quality.";

    /// <summary>The two keys of each (rule, option) pair, built once: options are read for every file of every build.</summary>
    private static readonly ConcurrentDictionary<(string RuleId, string Name), OptionKeys> Keys = new();

    /// <summary>
    /// The pairs read so far, searched by reference first: the rule and option names are constants, the same two string
    /// objects at every read, and a few reference comparisons cost less than hashing both strings (the compilation-start
    /// checks read a handful of options for every file). Replaced whole when a pair is added.
    /// </summary>
    private static OptionKeys[] s_recent = Array.Empty<OptionKeys>();

    private sealed class OptionKeys
    {
        public OptionKeys(string ruleId, string name)
        {
            RuleId = ruleId;
            Name = name;
            Specific = Prefix + ruleId + "." + name;
            General = Prefix + name;
        }

        public string RuleId { get; }
        public string Name { get; }
        public string Specific { get; }
        public string General { get; }
    }

    private static OptionKeys KeysFor(string ruleId, string name)
    {
        var recent = System.Threading.Volatile.Read(ref s_recent);
        foreach (var known in recent)
        {
            if (ReferenceEquals(known.RuleId, ruleId) && ReferenceEquals(known.Name, name))
                return known;
        }
        var keys = Keys.GetOrAdd((ruleId, name), static pair => new OptionKeys(pair.RuleId, pair.Name));
        // Bounded: names built at run time (tests) would otherwise grow the list for good.
        if (recent.Length < 32)
        {
            var grown = new OptionKeys[recent.Length + 1];
            recent.CopyTo(grown, 0);
            grown[recent.Length] = keys;
            System.Threading.Interlocked.CompareExchange(ref s_recent, grown, recent);
        }
        return keys;
    }

    public static string? GetRaw(AnalyzerConfigOptions options, string ruleId, string name)
    {
        var keys = KeysFor(ruleId, name);
        if (options.TryGetValue(keys.Specific, out var value) && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        if (options.TryGetValue(keys.General, out value) && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        return null;
    }

    /// <summary>Whether the options of any file of <paramref name="compilation"/> satisfy <paramref name="isSet"/>.</summary>
    public static bool AnyFile(Compilation compilation, AnalyzerConfigOptionsProvider provider, Func<AnalyzerConfigOptions, bool> isSet)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (isSet(provider.GetOptions(tree)))
                return true;
        }
        return false;
    }

    public static bool GetBool(AnalyzerConfigOptions options, string ruleId, string name, bool defaultValue)
    {
        var raw = GetRaw(options, ruleId, name);
        return raw is not null && bool.TryParse(raw, out var parsed) ? parsed : defaultValue;
    }

    public static ImmutableArray<string> GetList(AnalyzerConfigOptions options, string ruleId, string name)
    {
        var raw = GetRaw(options, ruleId, name);
        if (raw is null)
            return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in raw.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var item = part.Trim();
            if (item.Length > 0)
                builder.Add(item);
        }
        return builder.ToImmutable();
    }
}
