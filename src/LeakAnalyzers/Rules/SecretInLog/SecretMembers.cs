using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>
/// Which member of a type a logger prints when it renders the object member by member: records (generated
/// ToString), anonymous types, Serilog/NLog destructuring and JSON serialization (which skips [JsonIgnore]).
/// </summary>
internal static class SecretMembers
{
    private const int MaxDepth = 3;

    /// <summary>The path of the first secret member ("Smtp.Password"), or null.</summary>
    public static string? Find(INamedTypeSymbol type, RenderMode mode, SecretWords words, SecretSourceSymbols symbols) =>
        Find(type, mode, words, symbols, 0);

    private static string? Find(ITypeSymbol type, RenderMode mode, SecretWords words, SecretSourceSymbols symbols, int depth)
    {
        if (type is not INamedTypeSymbol named || depth > MaxDepth || SecretTypes.IsTextLike(named, symbols))
            return null;
        // A tuple prints its elements in every mode: (alice, hunter2).
        if (named.IsTupleType)
        {
            foreach (var element in named.TupleElements)
            {
                if (FindIn(element.Name, element.Type, mode, words, symbols, depth) is { } path)
                    return path;
            }
            return null;
        }
        // Below the logged object only the project's own types are walked: framework graphs are large, and their
        // secrets are caught by name at the first level (Cookies, Password, ConnectionString).
        if (depth > 0 && named.DeclaringSyntaxReferences.Length == 0)
            return null;
        if (!PrintsMembers(named, mode))
            return null;
        foreach (var member in named.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                continue;
            if (mode == RenderMode.Json && HasJsonIgnore(property, symbols))
                continue;
            if (FindIn(property.Name, property.Type, mode, words, symbols, depth) is { } path)
                return path;
        }
        return null;
    }

    /// <summary>The path of the secret in one printed member: the member itself when it is secret text, or inside it.</summary>
    private static string? FindIn(string name, ITypeSymbol type, RenderMode mode, SecretWords words, SecretSourceSymbols symbols, int depth)
    {
        if (SecretTypes.IsNeverSecret(type, symbols))
            return null;
        if (SecretTypes.IsTextLike(type, symbols))
            return words.IsSecretName(name) ? name : null;
        return Find(type, mode, words, symbols, depth + 1) is { } nested ? name + "." + nested : null;
    }

    /// <summary>Whether the logger prints the members of <paramref name="type"/> in <paramref name="mode"/>.</summary>
    public static bool PrintsMembers(INamedTypeSymbol type, RenderMode mode)
    {
        if (type.IsAnonymousType)
            return true;
        if (mode != RenderMode.Text)
            return type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None;
        if (!type.IsRecord)
            return false;
        // A record that writes its own ToString or PrintMembers decides what it prints (often a masked form).
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { Name: "ToString" or "PrintMembers", IsImplicitlyDeclared: false })
                return false;
        }
        return true;
    }

    private static bool HasJsonIgnore(IPropertySymbol property, SecretSourceSymbols symbols)
    {
        foreach (var attribute in property.GetAttributes())
        {
            foreach (var ignore in symbols.JsonIgnoreAttributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ignore))
                    return true;
            }
        }
        return false;
    }
}
