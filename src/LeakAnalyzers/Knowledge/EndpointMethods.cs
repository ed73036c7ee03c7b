using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Methods whose return value is sent to the client: public instance methods of controllers, page models (handlers
/// named <c>On...</c>) and hubs, except <c>[NonAction]</c>. The endpoint base of each type is found once per type
/// (most types are services, answered without a lookup); callers that ask once per <c>return</c> remember the answer
/// for the method they asked about last (<see cref="Rules.ResponseLeakAnalysis"/>).
/// </summary>
internal sealed class EndpointMethods
{
    private readonly ImmutableArray<INamedTypeSymbol> _bases;
    private readonly INamedTypeSymbol? _nonAction;
    /// <summary>The endpoint base a type derives from, or null: keyed by the type's original definition.</summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, INamedTypeSymbol?> _baseOf = new(SymbolEqualityComparer.Default);

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
        if (BaseOf(type.OriginalDefinition) is not { } endpointBase)
            return false;
        return IsAction(method, endpointBase);
    }

    private INamedTypeSymbol? BaseOf(INamedTypeSymbol type) =>
        _baseOf.TryGetValue(type, out var known) ? known : _baseOf.GetOrAdd(type, FindBase(type));

    private INamedTypeSymbol? FindBase(INamedTypeSymbol type)
    {
        foreach (var candidate in _bases)
        {
            if (SymbolNames.InheritsFromOrEquals(type, candidate))
                return candidate;
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
