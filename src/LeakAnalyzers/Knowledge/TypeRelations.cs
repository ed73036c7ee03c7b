using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>Class-hierarchy questions about exception types.</summary>
internal static class TypeRelations
{
    public static bool DerivesFromOrEquals(ITypeSymbol? type, ITypeSymbol? baseType)
    {
        if (type is null || baseType is null)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
                return true;
        }
        return false;
    }

    /// <summary>Drops every type that derives from another one in the list: catching the base covers it.</summary>
    public static ImmutableArray<INamedTypeSymbol> MostGeneral(IReadOnlyList<INamedTypeSymbol> types)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        for (var i = 0; i < types.Count; i++)
        {
            var covered = false;
            for (var j = 0; j < types.Count && !covered; j++)
            {
                if (i == j)
                    continue;
                var equal = SymbolEqualityComparer.Default.Equals(types[i], types[j]);
                covered = equal ? j < i : DerivesFromOrEquals(types[i], types[j]);
            }
            if (!covered)
                builder.Add(types[i]);
        }
        return builder.ToImmutable();
    }
}
