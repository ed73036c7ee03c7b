using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>What an API call returns, as far as secrets go.</summary>
internal enum SecretApiKind
{
    /// <summary>Always a secret (connection strings, tokens, the configuration debug view).</summary>
    Secret,
    /// <summary>Every key and value of the configuration: logging it logs every secret.</summary>
    Dump,
    /// <summary>A configuration value read by key: secret when the key's last segment is.</summary>
    ConfigurationKey,
    /// <summary>Serializes its first argument: secret when a serialized member is.</summary>
    JsonSerialize,
    /// <summary>Returns its first argument re-encoded (Base64, hex, bytes, URL/HTML encoding).</summary>
    Encoding,
}

/// <summary>
/// API values that carry secrets, as data: (type full name, method, kind). Properties and indexers are handled by
/// name (<c>NetworkCredential.Password</c>, <c>DbConnection.ConnectionString</c>, <c>Headers.Authorization</c>,
/// <c>Headers["X-Api-Key"]</c>); these rows are the calls a name cannot reveal.
/// </summary>
internal static class SecretSourceCatalogue
{
    public static readonly ImmutableArray<(string Type, string Method, SecretApiKind Kind)> Methods = ImmutableArray.Create(
        ("Microsoft.Extensions.Configuration.ConfigurationExtensions", "GetConnectionString", SecretApiKind.Secret),
        ("Microsoft.Extensions.Configuration.ConfigurationExtensions", "AsEnumerable", SecretApiKind.Dump),
        ("Microsoft.Extensions.Configuration.ConfigurationRootExtensions", "GetDebugView", SecretApiKind.Secret),
        ("Microsoft.Extensions.Configuration.ConfigurationBinder", "GetValue", SecretApiKind.ConfigurationKey),
        ("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions", "GetTokenAsync", SecretApiKind.Secret),
        ("Microsoft.AspNetCore.Authentication.AuthenticationTokenExtensions", "GetTokenValue", SecretApiKind.Secret),
        ("Microsoft.AspNetCore.Authentication.AuthenticationTokenExtensions", "GetTokens", SecretApiKind.Secret),
        ("Microsoft.IdentityModel.Tokens.SecurityTokenHandler", "WriteToken", SecretApiKind.Secret),
        ("System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler", "WriteToken", SecretApiKind.Secret),
        ("System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler", "CreateEncodedJwt", SecretApiKind.Secret),
        ("Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler", "CreateToken", SecretApiKind.Secret),
        ("System.Text.Json.JsonSerializer", "Serialize", SecretApiKind.JsonSerialize),
        ("System.Text.Json.JsonSerializer", "SerializeToUtf8Bytes", SecretApiKind.JsonSerialize),
        ("Newtonsoft.Json.JsonConvert", "SerializeObject", SecretApiKind.JsonSerialize),
        ("System.Convert", "ToBase64String", SecretApiKind.Encoding),
        ("System.Convert", "ToHexString", SecretApiKind.Encoding),
        ("System.Convert", "FromBase64String", SecretApiKind.Encoding),
        ("System.Text.Encoding", "GetBytes", SecretApiKind.Encoding),
        ("System.Text.Encoding", "GetString", SecretApiKind.Encoding),
        ("System.Uri", "EscapeDataString", SecretApiKind.Encoding),
        ("System.Net.WebUtility", "UrlEncode", SecretApiKind.Encoding),
        ("System.Net.WebUtility", "HtmlEncode", SecretApiKind.Encoding));

    /// <summary>
    /// Properties that hold a credential under a name that does not say so: the whole encoded JWT of a parsed token, and
    /// the credential part of an <c>Authorization</c> header value (<c>Bearer xyz</c> → <c>xyz</c>).
    /// </summary>
    public static readonly ImmutableArray<(string Type, string Property)> Properties = ImmutableArray.Create(
        ("System.IdentityModel.Tokens.Jwt.JwtSecurityToken", "RawData"),
        ("Microsoft.IdentityModel.JsonWebTokens.JsonWebToken", "EncodedToken"),
        ("System.Net.Http.Headers.AuthenticationHeaderValue", "Parameter"));

    /// <summary>Collections whose every entry is logged when the collection is: all request headers, all cookies.</summary>
    public static readonly ImmutableArray<string> DumpTypes = ImmutableArray.Create(
        "Microsoft.AspNetCore.Http.IHeaderDictionary",
        "Microsoft.AspNetCore.Http.IRequestCookieCollection");

    /// <summary>Any value read from these by indexer is a secret, whatever the key.</summary>
    public const string CookieCollection = "Microsoft.AspNetCore.Http.IRequestCookieCollection";
    public const string Configuration = "Microsoft.Extensions.Configuration.IConfiguration";
    public const string ConfigurationSection = "Microsoft.Extensions.Configuration.IConfigurationSection";
    public const string StringValues = "Microsoft.Extensions.Primitives.StringValues";

    /// <summary>Members that a serializer skips.</summary>
    public static readonly ImmutableArray<string> JsonIgnoreAttributes = ImmutableArray.Create(
        "System.Text.Json.Serialization.JsonIgnoreAttribute",
        "Newtonsoft.Json.JsonIgnoreAttribute");

    /// <summary>Method-name fragments that make a call a sanitizer (case-insensitive).</summary>
    public static readonly ImmutableArray<string> SanitizerNameFragments = ImmutableArray.Create(
        "hash", "mask", "redact", "obfuscate", "sanitize", "truncate", "encrypt", "protect");

    /// <summary>At most this many trailing characters of a secret may be logged (the last four card digits).</summary>
    public const int MaxTrailingSlice = 4;
    /// <summary>At most this many leading characters of a secret may be logged (a key prefix to tell keys apart).</summary>
    public const int MaxLeadingSlice = 8;
}

/// <summary><see cref="SecretSourceCatalogue"/> resolved once per compilation.</summary>
internal sealed class SecretSourceSymbols
{
    private readonly Dictionary<(INamedTypeSymbol, string), SecretApiKind> _methods;
    private readonly HashSet<(INamedTypeSymbol, string)> _properties;
    // The names alone, asked first: nearly every call and property the engine evaluates is not catalogued, and the
    // pairs are hashed once per base type (a symbol and a whole name each time).
    private readonly Core.NameSet _methodNames = new();
    private readonly Core.NameSet _propertyNames = new();

    private SecretSourceSymbols(Compilation compilation)
    {
        _methods = new Dictionary<(INamedTypeSymbol, string), SecretApiKind>(new TypeAndNameComparer());
        foreach (var (typeName, method, kind) in SecretSourceCatalogue.Methods)
        {
            if (KnownTypes.Find(compilation, typeName) is { } type)
            {
                _methods[(type, method)] = kind;
                _methodNames.Add(method);
            }
        }
        _properties = new HashSet<(INamedTypeSymbol, string)>(new TypeAndNameComparer());
        foreach (var (typeName, property) in SecretSourceCatalogue.Properties)
        {
            if (KnownTypes.Find(compilation, typeName) is { } type)
            {
                _properties.Add((type, property));
                _propertyNames.Add(property);
            }
        }
        var dumps = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in SecretSourceCatalogue.DumpTypes)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                dumps.Add(type);
        }
        DumpTypes = dumps.ToImmutable();
        var ignores = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in SecretSourceCatalogue.JsonIgnoreAttributes)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                ignores.Add(type);
        }
        JsonIgnoreAttributes = ignores.ToImmutable();
        CookieCollection = KnownTypes.Find(compilation, SecretSourceCatalogue.CookieCollection);
        Configuration = KnownTypes.Find(compilation, SecretSourceCatalogue.Configuration);
        ConfigurationSection = KnownTypes.Find(compilation, SecretSourceCatalogue.ConfigurationSection);
        StringValues = KnownTypes.Find(compilation, SecretSourceCatalogue.StringValues);
        StringBuilder = KnownTypes.Find(compilation, "System.Text.StringBuilder");
        Guid = KnownTypes.Find(compilation, "System.Guid");
        KeyValuePair = KnownTypes.Find(compilation, "System.Collections.Generic.KeyValuePair`2");
        Enumerable = KnownTypes.Find(compilation, "System.Linq.Enumerable");
        var nonText = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[] { "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Threading.CancellationToken", "System.Security.SecureString" })
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                nonText.Add(type);
        }
        NonTextTypes = nonText.ToImmutable();
    }

    public static SecretSourceSymbols Create(Compilation compilation) => new(compilation);

    public ImmutableArray<INamedTypeSymbol> DumpTypes { get; }
    public InterfaceSets Interfaces { get; } = new();
    public ImmutableArray<INamedTypeSymbol> JsonIgnoreAttributes { get; }
    public ImmutableArray<INamedTypeSymbol> NonTextTypes { get; }
    public INamedTypeSymbol? CookieCollection { get; }
    public INamedTypeSymbol? Configuration { get; }
    public INamedTypeSymbol? ConfigurationSection { get; }
    public INamedTypeSymbol? StringValues { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? KeyValuePair { get; }
    public INamedTypeSymbol? Enumerable { get; }

    public SecretApiKind? KindOf(IMethodSymbol method)
    {
        if (!_methodNames.Contains(method.Name))
            return null;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        for (var type = definition.ContainingType; type is not null; type = type.BaseType)
        {
            if (_methods.TryGetValue((type.OriginalDefinition, definition.Name), out var kind))
                return kind;
        }
        return null;
    }

    /// <summary>A catalogued credential property (<see cref="SecretSourceCatalogue.Properties"/>), on its type or a derived one.</summary>
    public bool IsSecretProperty(IPropertySymbol property)
    {
        if (!_propertyNames.Contains(property.Name))
            return false;
        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            if (_properties.Contains((type.OriginalDefinition, property.Name)))
                return true;
        }
        return false;
    }

    private sealed class TypeAndNameComparer : IEqualityComparer<(INamedTypeSymbol Type, string Name)>
    {
        public bool Equals((INamedTypeSymbol Type, string Name) x, (INamedTypeSymbol Type, string Name) y) =>
            SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && x.Name == y.Name;

        public int GetHashCode((INamedTypeSymbol Type, string Name) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Type) ^ obj.Name.GetHashCode();
    }
}
