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
    private static readonly ConcurrentDictionary<(string RuleId, string Name), (string Specific, string General)> Keys = new();

    public static string? GetRaw(AnalyzerConfigOptions options, string ruleId, string name)
    {
        if (!Keys.TryGetValue((ruleId, name), out var keys))
            keys = Keys.GetOrAdd((ruleId, name), (Prefix + ruleId + "." + name, Prefix + name));
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
