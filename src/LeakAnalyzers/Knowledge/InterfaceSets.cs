using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The interfaces of each type, kept for one compilation. <see cref="ITypeSymbol.AllInterfaces"/> turns the compiler's
/// list into a new array of public symbols on every call (measured at about 2.7 µs for the parameter types of a
/// typical service method), and the rules ask about the same few hundred types thousands of times: parameter types,
/// receivers of log calls, values handed to a sink. One instance per analyzer per compilation, never static.
/// </summary>
internal sealed class InterfaceSets
{
    private readonly ConcurrentDictionary<ITypeSymbol, Entry> _entries = new(SymbolEqualityComparer.Default);

    /// <summary>Every interface <paramref name="type"/> implements, directly or through its bases and other interfaces.</summary>
    public ImmutableArray<INamedTypeSymbol> Of(ITypeSymbol type) => EntryFor(type).All;

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
    public bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
            return false;
        if (target.TypeKind != TypeKind.Interface)
            return SymbolNames.InheritsFromOrEquals(type, target);
        // A set lookup, not a scan: numbers implement some thirty generic-math interfaces each.
        return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target) || EntryFor(type).Definitions.Contains(target);
    }

    private Entry EntryFor(ITypeSymbol type) =>
        _entries.TryGetValue(type, out var known) ? known : _entries.GetOrAdd(type, new Entry(type.AllInterfaces));

    private sealed class Entry
    {
        public Entry(ImmutableArray<INamedTypeSymbol> all)
        {
            All = all;
            Definitions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var candidate in all)
                Definitions.Add(candidate.OriginalDefinition);
        }

        public ImmutableArray<INamedTypeSymbol> All { get; }

        /// <summary>The interfaces' original definitions (<c>IEnumerable&lt;T&gt;</c> for <c>IEnumerable&lt;string&gt;</c>); read-only once built.</summary>
        public HashSet<INamedTypeSymbol> Definitions { get; }
    }
}
