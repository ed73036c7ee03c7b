using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The method rows of the response-sink catalogue, keyed by declaring type. Every call in the project is matched
/// against it, and almost none are sinks, so the set of catalogued names comes first: one string lookup rejects a call
/// before any symbol is hashed. Types whose every method is a sink (<c>Results</c>) are checked by type instead.
/// </summary>
internal sealed class MethodSinkTable
{
    private readonly Dictionary<INamedTypeSymbol, List<(HashSet<string>? Names, SinkParameters Parameters)>> _byType = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<INamedTypeSymbol> _anyNameTypes = new(SymbolEqualityComparer.Default);
    /// <summary>The names of <see cref="_anyNameTypes"/>: a call on any other type is rejected without hashing a symbol.</summary>
    private readonly HashSet<string> _anyNameTypeNames = new(StringComparer.Ordinal);

    public bool IsEmpty => _byType.Count == 0;

    /// <param name="names">The sink methods of <paramref name="type"/>, or null for all of them.</param>
    public void Add(INamedTypeSymbol type, HashSet<string>? names, SinkParameters parameters)
    {
        if (!_byType.TryGetValue(type, out var rows))
            _byType[type] = rows = new List<(HashSet<string>?, SinkParameters)>();
        rows.Add((names, parameters));
        if (names is null)
        {
            _anyNameTypes.Add(type);
            _anyNameTypeNames.Add(type.Name);
        }
        else
            _names.UnionWith(names);
    }

    /// <summary>The sink parameters of <paramref name="method"/> (or of a method it overrides), or null.</summary>
    public SinkParameters? Match(IMethodSymbol method)
    {
        if (_byType.Count == 0 || !_names.Contains(method.Name) && !DeclaredOnAnyNameType(method))
            return null;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.ContainingType is { } type && _byType.TryGetValue(type.OriginalDefinition, out var rows))
            {
                foreach (var (names, parameters) in rows)
                {
                    if (names is null || names.Contains(current.Name))
                        return parameters;
                }
            }
        }
        return null;
    }

    private bool DeclaredOnAnyNameType(IMethodSymbol method)
    {
        if (_anyNameTypes.Count == 0)
            return false;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.ContainingType is { } type && _anyNameTypeNames.Contains(type.Name) && _anyNameTypes.Contains(type.OriginalDefinition))
                return true;
        }
        return false;
    }
}
