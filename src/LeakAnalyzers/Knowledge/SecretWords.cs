using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Decides whether an identifier (or a configuration key, header or property name) names a secret. Names are split
/// into words on camelCase/PascalCase humps, acronyms, digits, <c>_</c>, <c>-</c>, <c>:</c> and <c>.</c>; a term matches
/// one word or two/three adjacent words glued together (<c>ApiKey</c>, <c>api_key</c> and <c>apikey</c> all give
/// "apikey"), so <c>mapping</c> never matches "pin". A qualifier word after the last secret term turns the name into
/// metadata about the secret (<c>tokenCount</c>, <c>passwordPolicy</c>, <c>apiKeyHeaderName</c>).
/// </summary>
internal sealed class SecretWords
{
    /// <summary>Terms that name a secret value. Multi-word terms are written glued.</summary>
    public static readonly ImmutableArray<string> DefaultSecretTerms = ImmutableArray.Create(
        "password", "passwords", "passwd", "pwd", "passphrase", "passcode",
        "secret", "secrets", "clientsecret",
        "token", "tokens", "jwt", "bearer",
        "apikey", "apikeys", "accesskey", "secretkey", "privatekey", "signingkey", "encryptionkey", "masterkey",
        "sharedkey", "subscriptionkey", "licensekey",
        "credential", "credentials", "creds",
        "connectionstring", "connectionstrings", "connstr", "connstring",
        "authorization", "cookie", "cookies", "sessionid",
        "pin", "otp", "totp", "cvv", "cvv2", "cvc", "cardnumber", "creditcard", "pan", "ssn");

    /// <summary>
    /// Words that, after the secret term, make the name describe the secret rather than hold it. Chosen from names
    /// seen in ASP.NET code: configuration key names, header names, policies, counters, lifetimes, hashes and
    /// helpers (<c>tokenHandler</c>, <c>passwordHasher</c>), settings objects (<c>jwtOptions</c>).
    /// </summary>
    public static readonly ImmutableArray<string> DefaultQualifiers = ImmutableArray.Create(
        "name", "names", "id", "ids", "key", "keys", "type", "types", "kind", "scheme", "mode", "format", "pattern",
        "count", "length", "size", "max", "min", "limit", "attempts", "retries",
        "policy", "policies", "rule", "rules", "requirement", "requirements", "required", "strength", "complexity",
        "endpoint", "url", "uri", "path", "file", "filename", "header", "headers", "field", "column", "parameter",
        "param", "property", "label", "hint", "prompt", "placeholder",
        "expiry", "expires", "expiration", "expired", "lifetime", "ttl", "timeout", "age", "issued", "created",
        "valid", "validity", "validation", "validator", "enabled", "disabled", "status", "version",
        "hash", "hashed", "hasher", "salt", "digest", "masked", "redacted", "encrypted", "protected",
        "handler", "service", "provider", "manager", "factory", "generator", "helper", "store", "client", "source",
        "options", "settings", "config", "configuration", "section", "issuer", "audience");

    /// <summary>Glued terms that contain a secret term but name something harmless.</summary>
    public static readonly ImmutableArray<string> DefaultNonSecretTerms = ImmutableArray.Create(
        "cancellationtoken", "continuationtoken", "pagetoken", "nextpagetoken", "paginationtoken", "synctoken",
        "changetoken", "tokenizer", "tokenize", "tokenized");

    private const int MaxGluedWords = 3;

    private readonly HashSet<string> _secretTerms;
    private readonly HashSet<string> _qualifiers;
    private readonly HashSet<string> _nonSecretTerms;

    public SecretWords(ImmutableArray<string> extraSecretTerms, ImmutableArray<string> extraNonSecretTerms)
    {
        _secretTerms = new HashSet<string>(DefaultSecretTerms, StringComparer.Ordinal);
        _qualifiers = new HashSet<string>(DefaultQualifiers, StringComparer.Ordinal);
        _nonSecretTerms = new HashSet<string>(DefaultNonSecretTerms, StringComparer.Ordinal);
        foreach (var term in extraSecretTerms)
            _secretTerms.Add(Glue(term));
        foreach (var term in extraNonSecretTerms)
        {
            // A non-secret word removes a default secret term (e.g. "pin") or is a harmless glued term.
            var glued = Glue(term);
            _secretTerms.Remove(glued);
            _nonSecretTerms.Add(glued);
        }
    }

    public static SecretWords Default { get; } = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    /// <summary>
    /// Answers already worked out, by name: the same member and local names (<c>Id</c>, <c>Name</c>, <c>userId</c>) come
    /// back at nearly every log call, and splitting them into words allocates. Bounded, because the default instance
    /// lives as long as the process (an IDE session sees many compilations).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);
    private const int MaxKnownNames = 20_000;
    // ConcurrentDictionary.Count takes every lock; a counter keeps the bound check lock-free.
    private int _knownCount;

    /// <summary>True when <paramref name="name"/> names a secret value.</summary>
    public bool IsSecretName(string? name)
    {
        if (name is null || name.Length == 0)
            return false;
        if (_known.TryGetValue(name, out var known))
            return known;
        var secret = Decide(name);
        if (Volatile.Read(ref _knownCount) < MaxKnownNames && _known.TryAdd(name, secret))
            Interlocked.Increment(ref _knownCount);
        return secret;
    }

    private bool Decide(string name)
    {
        var words = Split(name);
        var secretEnd = -1;
        for (var i = 0; i < words.Count;)
        {
            // The longer match wins: "cancellationToken" is harmless, but with secret_words = pin2, "pin2" beats "pin".
            var nonSecret = MatchLength(words, i, _nonSecretTerms);
            var secret = MatchLength(words, i, _secretTerms);
            if (nonSecret >= secret && nonSecret > 0)
            {
                i += nonSecret;
                continue;
            }
            if (secret > 0)
            {
                i += secret;
                secretEnd = i;
                continue;
            }
            i++;
        }
        if (secretEnd < 0)
            return false;
        for (var i = secretEnd; i < words.Count; i++)
        {
            if (_qualifiers.Contains(words[i]))
                return false;
        }
        return true;
    }

    /// <summary>Configuration sections whose every child is a secret: <c>ConnectionStrings:Default</c>. Glued, lower case.</summary>
    private static readonly string[] SecretSections =
    {
        "connectionstrings", "secrets", "credentials", "passwords", "tokens", "apikeys",
    };

    /// <summary>
    /// True when the last segment of a configuration key (<c>Jwt:SigningKey</c>, <c>Smtp__Password</c>) is secret, or
    /// when the key is a child of a section of secrets (<c>ConnectionStrings:Default</c>) that no qualifier turns
    /// into metadata (<c>Secrets:Path</c> is fine).
    /// </summary>
    /// <remarks>
    /// Keys are read from the end, without splitting the whole key: keys are often unique to a call site, but their
    /// last segments (<c>ApiKeyName</c>, <c>Url</c>) repeat, so the answer for the segment is remembered.
    /// </remarks>
    public bool IsSecretConfigurationKey(string key)
    {
        var lastStart = SegmentStart(key, key.Length);
        var last = lastStart == 0 ? key : key.Substring(lastStart);
        if (IsSecretName(last))
            return true;
        if (lastStart == 0)
            return false;
        var parentEnd = key[lastStart - 1] == ':' ? lastStart - 1 : lastStart - 2;
        var parentStart = SegmentStart(key, parentEnd);
        if (!IsSecretSection(key, parentStart, parentEnd))
            return false;
        return IsSecretName(key.Substring(parentStart, parentEnd - parentStart) + "_" + last);
    }

    /// <summary>Where the segment ending at <paramref name="end"/> starts: after the last <c>:</c> or <c>__</c> before it.</summary>
    private static int SegmentStart(string key, int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (key[i] == ':' || key[i] == '_' && i > 0 && key[i - 1] == '_')
                return i + 1;
        }
        return 0;
    }

    /// <summary>Whether <c>key[start..end)</c>, glued and in lower case, names a section of secrets; compared in place.</summary>
    private static bool IsSecretSection(string key, int start, int end)
    {
        foreach (var section in SecretSections)
        {
            var matched = 0;
            var equal = true;
            for (var i = start; i < end && equal; i++)
            {
                var c = key[i];
                if (!char.IsLetterOrDigit(c))
                    continue;
                equal = matched < section.Length && char.ToLowerInvariant(c) == section[matched++];
            }
            if (equal && matched == section.Length)
                return true;
        }
        return false;
    }

    /// <summary>Longest glued match (1..3 words) starting at <paramref name="start"/>, or 0.</summary>
    private static int MatchLength(List<string> words, int start, HashSet<string> terms)
    {
        var best = 0;
        var glued = string.Empty;
        for (var n = 1; n <= MaxGluedWords && start + n <= words.Count; n++)
        {
            glued += words[start + n - 1];
            if (terms.Contains(glued))
                best = n;
        }
        return best;
    }

    private static string Glue(string term)
    {
        var words = Split(term);
        return string.Concat(words);
    }

    /// <summary>Lower-case words of an identifier: "APIKeyHeader_name2" gives api, key, header, name, 2.</summary>
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }
            if (start >= 0 && IsBoundary(name, i))
                Flush(name, ref start, i, words);
            if (start < 0)
                start = i;
        }
        Flush(name, ref start, name.Length, words);
        return words;
    }

    private static bool IsBoundary(string s, int i)
    {
        var prev = s[i - 1];
        var c = s[i];
        if (char.IsDigit(c) != char.IsDigit(prev))
            return true;
        if (char.IsUpper(c) && char.IsLower(prev))
            return true;
        // The last capital of an acronym starts the next word: "APIKey" -> API, Key.
        return char.IsUpper(c) && char.IsUpper(prev) && i + 1 < s.Length && char.IsLower(s[i + 1]);
    }

    private static void Flush(string s, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
            words.Add(s.Substring(start, end - start).ToLowerInvariant());
        start = -1;
    }
}
