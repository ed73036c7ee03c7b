using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Methods whose return value is sent to the client: public instance methods of controllers, page models (handlers
/// named <c>On...</c>) and hubs, except <c>[NonAction]</c>. Asked once per method body
/// (<see cref="Rules.ResponseLeakAnalysis.OnOperationBlockStart"/>); most types are services deriving straight from
/// object, answered without a walk.
/// </summary>
internal sealed class EndpointMethods
{
    private readonly ImmutableArray<INamedTypeSymbol> _bases;
    private readonly INamedTypeSymbol? _nonAction;
    private readonly Core.RecentTable<INamedTypeSymbol, INamedTypeSymbol?> _recentBases = new(16);

    public EndpointMethods(Compilation compilation)
    {
        _bases = ExceptionSymbols.Resolve(compilation, ResponseSinkCatalogue.EndpointBaseTypes).ToImmutableArray();
        _nonAction = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
    }

    public bool Contains(IMethodSymbol method)
    {
        if (_bases.IsEmpty || method.MethodKind != MethodKind.Ordinary || method.IsStatic
            || method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
            return false;
        // Every endpoint base is a class of its own: a type deriving straight from object (services, DTOs) or a struct
        // is answered without a lookup.
        if (type.BaseType is not { } direct || direct.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
            return false;
        var definition = type.OriginalDefinition;
        var endpointBase = _recentBases.TryGet(definition, out var known) ? known : _recentBases.Remember(definition, BaseOf(definition));
        return endpointBase is not null && IsAction(method, endpointBase);
    }

    /// <summary>
    /// The endpoint base <paramref name="type"/> derives from, or null. One walk up the base types, each compared by
    /// reference with the few bases: cheaper than a per-type dictionary, whose symbol hashing walks the namespaces and
    /// whose insertions take a lock (that table was half of LEAK001's time in returns on the 200k benchmark). The
    /// driver analyzes a type's method bodies one after another, so the recent table answers all but the first.
    /// </summary>
    private INamedTypeSymbol? BaseOf(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            foreach (var candidate in _bases)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, candidate))
                    return candidate;
            }
        }
        return null;
    }

    private bool IsAction(IMethodSymbol method, INamedTypeSymbol endpointBase)
    {
        if (endpointBase.Name == "PageModel" && !method.Name.StartsWith("On", StringComparison.Ordinal))
            return false;
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _nonAction))
                return false;
        }
        return true;
    }
}
