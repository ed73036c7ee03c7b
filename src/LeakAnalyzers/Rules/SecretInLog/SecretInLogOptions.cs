using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>
/// LEAK004 options (<c>dotnet_code_quality.LEAK004.*</c>), parsed once per syntax tree:
/// <c>secret_words</c>, <c>non_secret_words</c> (words or glued terms), <c>sanitizer_methods</c> (method names,
/// <c>Type.Method</c> or documentation IDs), <c>additional_log_methods</c> (<c>Namespace.Type.Method</c> or
/// documentation IDs such as <c>M:MyApp.Audit.Write(System.String)</c>).
/// </summary>
internal sealed class SecretInLogOptions
{
    private const string Id = RuleIdentifiers.SecretInLog;
    private const string SecretWordsName = "secret_words";
    private const string NonSecretWordsName = "non_secret_words";
    private const string SanitizersName = "sanitizer_methods";
    private const string LogMethodsName = "additional_log_methods";

    public static readonly SecretInLogOptions Default = new(SecretWords.Default, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    private readonly ImmutableArray<string> _sanitizers;
    private readonly ImmutableArray<string> _additionalLogMethods;

    private SecretInLogOptions(SecretWords words, ImmutableArray<string> sanitizers, ImmutableArray<string> additionalLogMethods)
    {
        Words = words;
        _sanitizers = sanitizers;
        _additionalLogMethods = additionalLogMethods;
    }

    public SecretWords Words { get; }

    /// <summary>Whether <paramref name="options"/> set any LEAK004 option; when false, <see cref="Parse"/> gives <see cref="Default"/>.</summary>
    public static bool IsConfigured(AnalyzerConfigOptions options) =>
        RuleOptions.GetRaw(options, Id, SecretWordsName) is not null
        || RuleOptions.GetRaw(options, Id, NonSecretWordsName) is not null
        || RuleOptions.GetRaw(options, Id, SanitizersName) is not null
        || RuleOptions.GetRaw(options, Id, LogMethodsName) is not null;

    public static SecretInLogOptions Parse(AnalyzerConfigOptions options)
    {
        var secretWords = RuleOptions.GetList(options, Id, SecretWordsName);
        var nonSecretWords = RuleOptions.GetList(options, Id, NonSecretWordsName);
        var sanitizers = RuleOptions.GetList(options, Id, SanitizersName);
        var logMethods = RuleOptions.GetList(options, Id, LogMethodsName);
        if (secretWords.IsEmpty && nonSecretWords.IsEmpty && sanitizers.IsEmpty && logMethods.IsEmpty)
            return Default;
        var words = secretWords.IsEmpty && nonSecretWords.IsEmpty ? SecretWords.Default : new SecretWords(secretWords, nonSecretWords);
        return new SecretInLogOptions(words, sanitizers, logMethods);
    }

    public bool IsAdditionalLogMethod(IMethodSymbol method) => !_additionalLogMethods.IsEmpty && Matches(_additionalLogMethods, method);

    public bool IsConfiguredSanitizer(IMethodSymbol method) => !_sanitizers.IsEmpty && Matches(_sanitizers, method);

    /// <summary>An entry is a documentation ID (<c>M:…</c>), <c>Full.Type.Name.Method</c>, or a bare method name.</summary>
    private static bool Matches(ImmutableArray<string> entries, IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        string? documentationId = null;
        string? qualified = null;
        foreach (var entry in entries)
        {
            if (entry.StartsWith("M:", StringComparison.Ordinal))
            {
                documentationId ??= method.OriginalDefinition.GetDocumentationCommentId() ?? string.Empty;
                if (string.Equals(entry, documentationId, StringComparison.Ordinal))
                    return true;
            }
            else if (entry.IndexOf('.') >= 0)
            {
                qualified ??= method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + method.Name;
                if (string.Equals(entry, qualified, StringComparison.Ordinal))
                    return true;
            }
            else if (string.Equals(entry, method.Name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
