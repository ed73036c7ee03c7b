using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>Subtype checks by symbol (never by name), shared by the fix's helpers.</summary>
internal static class TypeRelations
{
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? baseOrInterface)
    {
        if (type is null || baseOrInterface is null)
            return false;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseOrInterface))
                return true;
        }
        if (baseOrInterface.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseOrInterface))
                return true;
            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, baseOrInterface))
                    return true;
            }
        }
        return false;
    }

    public static bool IsException(ITypeSymbol? type, Compilation compilation) =>
        IsOrInherits(type, compilation.GetTypeByMetadataName("System.Exception"));
}
