using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Core;

/// <summary>
/// Reads options in the NetAnalyzers form: <c>dotnet_code_quality.LEAK001.option = value</c>, falling back to the
/// rule-less <c>dotnet_code_quality.option = value</c>. Lists are comma-separated.
/// </summary>
internal static class RuleOptions
{
    private const string Prefix = "dotnet_code_quality.";

    public static string? GetRaw(AnalyzerConfigOptions options, string ruleId, string name)
    {
        if (options.TryGetValue(Prefix + ruleId + "." + name, out var value) && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        if (options.TryGetValue(Prefix + name, out value) && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        return null;
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
