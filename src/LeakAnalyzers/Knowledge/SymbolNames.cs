using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>Allocation-free name checks for the few places where a symbol's identity is its name.</summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="type"/> sits exactly in the namespace made of <paramref name="segments"/>.</summary>
    public static bool IsInNamespace(ISymbol type, params string[] segments)
    {
        var ns = type.ContainingNamespace;
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != segments[i])
                return false;
            ns = ns.ContainingNamespace;
        }
        return ns is not null && ns.IsGlobalNamespace;
    }

    /// <summary>True when <paramref name="type"/> is or derives from <paramref name="baseType"/>.</summary>
    public static bool InheritsFromOrEquals(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                return true;
        }
        return false;
    }
}
