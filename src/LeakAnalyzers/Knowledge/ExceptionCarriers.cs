using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Types that hold an exception without being one: MVC's and Web API's <c>ExceptionContext</c>, ASP.NET Core's
/// <c>IExceptionHandlerFeature</c>, Web API's <c>ExceptionHandlerContext</c>, <c>Task</c>. A helper handed one of these
/// (or reading a field of the class that stores an exception) can return exception data although no exception is
/// passed to it. Found by their members, not by name, so the project's own carriers count too; answered once per type.
/// </summary>
internal sealed class ExceptionCarriers
{
    private readonly ExceptionSymbols _symbols;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _carriers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>> _stored = new(SymbolEqualityComparer.Default);

    public ExceptionCarriers(ExceptionSymbols symbols) => _symbols = symbols;

    /// <summary>The type, a base type or an interface it implements has a public field or property of an exception type.</summary>
    public bool Carries(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return _carriers.TryGetValue(definition, out var known) ? known : _carriers.GetOrAdd(definition, Compute(definition));
    }

    /// <summary>
    /// The names of the fields and properties of <paramref name="type"/> and its base types whose type is an exception
    /// or a carrier (<c>private Exception? _lastError;</c>), any accessibility: a method of the class that reads one of
    /// them can return exception data.
    /// </summary>
    public ImmutableArray<string> StoredIn(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return _stored.TryGetValue(definition, out var known) ? known : _stored.GetOrAdd(definition, CollectStored(definition));
    }

    private bool Compute(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter or TypeKind.Array)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasPublicExceptionMember(current))
                return true;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (HasPublicExceptionMember(implemented))
                return true;
        }
        return false;
    }

    /// <summary>The type's own stored exceptions, then its base type's (answered once for a base shared by many classes).</summary>
    private ImmutableArray<string> CollectStored(INamedTypeSymbol type)
    {
        var inherited = type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? StoredIn(baseType) : ImmutableArray<string>.Empty;
        var names = inherited.ToBuilder();
        foreach (var member in type.GetMembers())
        {
            // Backing fields are implicitly declared: their property is found under its own name.
            if (!member.IsImplicitlyDeclared && MemberType(member) is { } memberType
                && (_symbols.IsException(memberType) || Carries(memberType)))
                names.Add(member.Name);
        }
        return names.Count == inherited.Length ? inherited : names.ToImmutable();
    }

    private bool HasPublicExceptionMember(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.DeclaredAccessibility == Accessibility.Public && MemberType(member) is { } memberType && _symbols.IsException(memberType))
                return true;
        }
        return false;
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: false } property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };
}
