using System.Collections.Generic;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The method rows of the response-sink catalogue, keyed by declaring type. Every call in the project is matched
/// against it, and almost none are sinks, so the set of names comes first: the name rejects a call
/// (<see cref="NameSet"/>) before any symbol is hashed. For types whose every method is a sink (<c>Results</c>) the
/// set holds the names of their declared methods, so they need no lookup of their own; a method that matches by name
/// is then checked by type.
/// </summary>
internal sealed class MethodSinkTable
{
    private readonly Dictionary<INamedTypeSymbol, List<(HashSet<string>? Names, SinkParameters Parameters)>> _byType = new(SymbolEqualityComparer.Default);
    private readonly NameSet _names = new();
    // 256 slots: the calls that pass the name filter go to a few hundred methods (each module's own service methods
    // among them). With 32 slots a quarter of the lookups missed on the 200k-line benchmark (8,460 of 32,195); now 19 do.
    private readonly RecentTable<IMethodSymbol, SinkParameters?> _recent = new(256);

    public bool IsEmpty => _byType.Count == 0;

    /// <param name="names">The sink methods of <paramref name="type"/>, or null for all of them.</param>
    public void Add(INamedTypeSymbol type, HashSet<string>? names, SinkParameters parameters)
    {
        if (!_byType.TryGetValue(type, out var rows))
            _byType[type] = rows = new List<(HashSet<string>?, SinkParameters)>();
        rows.Add((names, parameters));
        if (names is not null)
        {
            _names.UnionWith(names);
            return;
        }
        // Every method of the type: its declared methods' names. A method that overrides one has the same name, and
        // Match only ever finds a method through its declaring type or the methods it overrides.
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol)
                _names.Add(member.Name);
        }
    }

    /// <summary>
    /// The sink parameters of <paramref name="method"/> (or of a method it overrides), or null. The calls the name filter
    /// lets through are mostly the same few sinks (<c>Ok</c>, <c>NotFound</c>, <c>Results.Ok</c>) again and again: the
    /// recent table answers them by the method's definition (one object per method) without hashing the name and the
    /// declaring type at each call.
    /// </summary>
    public SinkParameters? Match(IMethodSymbol method)
    {
        if (_byType.Count == 0 || !_names.PassesFilter(method.Name))
            return null;
        var definition = method.OriginalDefinition;
        return _recent.TryGet(definition, out var known) ? known : _recent.Remember(definition, Compute(definition));
    }

    private SinkParameters? Compute(IMethodSymbol method)
    {
        if (!_names.Contains(method.Name))
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
}
