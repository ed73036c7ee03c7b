using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// The diagnostic's message arguments ("BadHttpRequestException and NotFoundException", "them", "their") and the properties the
/// code fix reads (metadata names of the swallowed types, the handler kind).
/// </summary>
internal static class SwallowedTypesMessage
{
    public const string TypesProperty = "SwallowedTypes";
    public const string KindProperty = "HandlerKind";
    public const char Separator = ';';

    public static object[] Arguments(IReadOnlyList<INamedTypeSymbol> types)
    {
        var names = new StringBuilder();
        for (var i = 0; i < types.Count; i++)
        {
            if (i > 0)
                names.Append(i == types.Count - 1 ? " and " : ", ");
            names.Append(types[i].Name);
        }
        var single = types.Count == 1;
        return new object[] { names.ToString(), single ? "it" : "them", single ? "its" : "their" };
    }

    public static ImmutableDictionary<string, string?> Properties(IReadOnlyList<INamedTypeSymbol> types, HandlerKind kind)
    {
        var names = new StringBuilder();
        foreach (var type in types)
        {
            if (names.Length > 0)
                names.Append(Separator);
            names.Append(MetadataName(type));
        }
        return ImmutableDictionary<string, string?>.Empty
            .Add(TypesProperty, names.ToString())
            .Add(KindProperty, kind.ToString());
    }

    /// <summary>The name <c>Compilation.GetTypeByMetadataName</c> resolves (nested types joined with '+').</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            name = container.MetadataName + "+" + name;
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
