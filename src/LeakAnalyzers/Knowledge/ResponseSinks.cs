using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Knowledge;

/// <summary>Which arguments of a matched member reach the client.</summary>
internal sealed class SinkParameters
{
    public static readonly SinkParameters All = new(null);
    private readonly HashSet<string>? _names;

    public SinkParameters(HashSet<string>? names) => _names = names;

    public bool Includes(IParameterSymbol? parameter) => _names is null || parameter is not null && _names.Contains(parameter.Name);
}

/// <summary>
/// The <see cref="ResponseSinkCatalogue"/> resolved against one compilation into symbol-keyed tables, so matching
/// an operation is a dictionary lookup.
/// </summary>
internal sealed class ResponseSinks
{
    private readonly MethodSinkTable _methods = new();
    private readonly MethodSinkTable _policyMethods = new();
    private readonly Dictionary<INamedTypeSymbol, SinkParameters> _constructors = new(SymbolEqualityComparer.Default);
    private readonly List<(INamedTypeSymbol Type, SinkParameters Parameters)> _derivedConstructors = new();
    private readonly Dictionary<INamedTypeSymbol, HashSet<string>> _propertySets = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, HashSet<string>> _writeThrough = new(SymbolEqualityComparer.Default);
    /// <summary>Every name in <see cref="_propertySets"/> / <see cref="_writeThrough"/>: a property is rejected by name first.</summary>
    private readonly NameSet _propertySetNames = new();
    private readonly NameSet _writeThroughNames = new();
    private readonly EndpointMethods _endpoints;
    private readonly ImmutableHashSet<INamedTypeSymbol> _routeBuilders;
    private readonly ImmutableHashSet<INamedTypeSymbol> _typedHubClientSources;
    private readonly RenderedPageProperties _pageProperties;
    private readonly AnswerCache<INamedTypeSymbol, SinkParameters?> _constructorSinks;
    private readonly AnswerCache<IPropertySymbol, bool> _implementsExplicitly =
        new(32, SymbolEqualityComparer.Default, static property => !property.ExplicitInterfaceImplementations.IsEmpty);

    public ResponseSinks(Compilation compilation)
    {
        _constructorSinks = new AnswerCache<INamedTypeSymbol, SinkParameters?>(32, SymbolEqualityComparer.Default, ComputeConstructorSink);
        foreach (var entry in ResponseSinkCatalogue.Entries)
            Add(compilation, entry, _methods);
        foreach (var entry in ResponseSinkCatalogue.ErrorDetailPolicyEntries)
            Add(compilation, entry, _policyMethods);
        _endpoints = new EndpointMethods(compilation);
        _routeBuilders = ExceptionSymbols.Resolve(compilation, ResponseSinkCatalogue.RouteHandlerBuilders);
        _typedHubClientSources = ExceptionSymbols.Resolve(compilation, ResponseSinkCatalogue.TypedHubClientSources);
        _pageProperties = new RenderedPageProperties(compilation);
        IsEmpty = _methods.IsEmpty && _constructors.Count == 0 && _derivedConstructors.Count == 0
            && _propertySets.Count == 0 && _writeThrough.Count == 0;
    }

    /// <summary>True when the compilation references no response API at all: the rule has nothing to do.</summary>
    public bool IsEmpty { get; }

    private void Add(Compilation compilation, ResponseSinkEntry entry, MethodSinkTable methods)
    {
        if (KnownTypes.Find(compilation, entry.TypeName) is not { } type)
            return;
        var names = entry.Members == "*" ? null : new HashSet<string>(entry.Members.Split(' '), StringComparer.Ordinal);
        var parameters = entry.Parameters is null ? SinkParameters.All : new SinkParameters(new HashSet<string>(entry.Parameters.Split(' '), StringComparer.Ordinal));
        switch (entry.Kind)
        {
            case ResponseSinkKind.Method:
                methods.Add(type, names, parameters);
                break;
            case ResponseSinkKind.Constructor when entry.IncludeDerived:
                _derivedConstructors.Add((type, parameters));
                break;
            case ResponseSinkKind.Constructor:
                _constructors[type] = parameters;
                break;
            case ResponseSinkKind.PropertySet:
                Merge(_propertySets, _propertySetNames, type, names);
                break;
            case ResponseSinkKind.WriteThroughProperty:
                Merge(_writeThrough, _writeThroughNames, type, names);
                break;
        }
    }

    private static void Merge(Dictionary<INamedTypeSymbol, HashSet<string>> table, NameSet allNames, INamedTypeSymbol type, HashSet<string>? names)
    {
        if (!table.TryGetValue(type, out var set))
            table[type] = set = new HashSet<string>(StringComparer.Ordinal);
        if (names is not null)
        {
            set.UnionWith(names);
            allNames.UnionWith(names);
        }
    }

    public SinkParameters? MatchMethod(IMethodSymbol method) => _methods.Match(method);

    /// <summary>True for <c>Clients.Caller.ReceiveError(...)</c> on a strongly typed hub: every argument goes to a client.</summary>
    public bool IsTypedHubClientCall(IInvocationOperation invocation)
    {
        if (_typedHubClientSources.IsEmpty)
            return false;
        // The receiver's shape first: it is an operation the driver has just walked, while the method's containing type
        // is a symbol the call may be the first to touch. Most calls are made on fields, locals and parameters.
        var receiver = Unwrap(invocation.Instance);
        if (receiver is not (IPropertyReferenceOperation or IInvocationOperation)
            || invocation.TargetMethod.ContainingType?.TypeKind != TypeKind.Interface)
            return false;
        var owner = receiver is IPropertyReferenceOperation property ? property.Property.ContainingType : ((IInvocationOperation)receiver).TargetMethod.ContainingType;
        return owner is not null && _typedHubClientSources.Contains(owner.OriginalDefinition);
    }

    /// <summary>Web API 2 overloads that serialize an exception (reported only under IncludeErrorDetailPolicy.Always).</summary>
    public SinkParameters? MatchErrorDetailPolicyMethod(IMethodSymbol method) => _policyMethods.Match(method);

    /// <summary>
    /// Asked of every object creation of the project (DTOs, collections, results): answered once per created type's
    /// definition, which the recent table finds again by identity without hashing the type or walking its bases.
    /// </summary>
    public SinkParameters? MatchConstructor(IMethodSymbol constructor) =>
        constructor.ContainingType?.OriginalDefinition is { } type ? _constructorSinks.Get(type) : null;

    private SinkParameters? ComputeConstructorSink(INamedTypeSymbol type)
    {
        if (_constructors.TryGetValue(type, out var parameters))
            return parameters;
        foreach (var (baseType, derivedParameters) in _derivedConstructors)
        {
            if (SymbolNames.InheritsFromOrEquals(type, baseType))
                return derivedParameters;
        }
        return null;
    }

    public bool IsSinkProperty(IPropertySymbol property) => MatchesMember(_propertySets, _propertySetNames, property);

    /// <summary>
    /// The property that <paramref name="receiver"/> reads when it is a write-through sink such as
    /// <c>Response.Headers</c> or <c>problem.Extensions</c>, following object-initializer receivers.
    /// </summary>
    public IPropertySymbol? WriteThroughProperty(IOperation? receiver)
    {
        receiver = Unwrap(receiver);
        if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            receiver = InitializedMember(receiver);
        return receiver is IPropertyReferenceOperation { Property: { } property } && MatchesMember(_writeThrough, _writeThroughNames, property) ? property : null;
    }

    /// <summary>The sink an assignment writes to (<c>problem.Detail = x</c>, <c>Response.Headers["X"] = x</c>), or null.</summary>
    public string? AssignmentSinkName(IAssignmentOperation assignment)
    {
        var target = assignment.Target;
        if (target is IPropertyReferenceOperation { Property: { } property } && (IsSinkProperty(property) || _pageProperties.IsRendered(target)))
            return property.ContainingType.Name + "." + property.Name;
        var instance = target switch
        {
            IPropertyReferenceOperation reference => reference.Instance,
            IFieldReferenceOperation field => field.Instance,
            IDynamicMemberReferenceOperation dynamicMember => dynamicMember.Instance,
            IDynamicIndexerAccessOperation dynamicIndexer => dynamicIndexer.Operation,
            _ => null,
        };
        return WriteThroughProperty(instance) is { } owner ? owner.ContainingType.Name + "." + owner.Name : null;
    }

    /// <summary>The receiver of a call (the <c>this</c> argument of an extension method).</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private bool MatchesMember(Dictionary<INamedTypeSymbol, HashSet<string>> table, NameSet allNames, IPropertySymbol property)
    {
        if (!allNames.Contains(property.Name) && !MayImplementExplicitly(property))
            return false;
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (current.ContainingType is { } type && table.TryGetValue(type.OriginalDefinition, out var names) && names.Contains(current.Name))
                return true;
        }
        // Interface properties implemented by the receiver's concrete type (IHttpResponseFeature.ReasonPhrase).
        if (property.ExplicitInterfaceImplementations.Length > 0)
        {
            foreach (var implemented in property.ExplicitInterfaceImplementations)
            {
                if (table.TryGetValue(implemented.ContainingType.OriginalDefinition, out var names) && names.Contains(implemented.Name))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="property"/> may be an explicit interface implementation, asked of every property that is
    /// not a sink by name (most property writes and receivers). In C# source an explicit implementation's name is
    /// qualified (<c>IHttpResponseFeature.ReasonPhrase</c>), so a source property with a plain name is answered without
    /// computing its implementations. Roslyn works a metadata property's implementations out again from its accessors
    /// on every request, so they are asked once per property definition.
    /// </summary>
    private bool MayImplementExplicitly(IPropertySymbol property) =>
        property.Name.IndexOf('.') >= 0
        || property.ContainingAssembly is not ISourceAssemblySymbol { Compilation.Language: LanguageNames.CSharp } && _implementsExplicitly.Get(property.OriginalDefinition);

    /// <summary>True for methods whose return value is sent to the client (controller actions, page handlers, hub methods).</summary>
    public bool IsEndpointMethod(IMethodSymbol method) => _endpoints.Contains(method);

    /// <summary>True for a minimal-API route mapping (<c>app.MapGet("/", () => ...)</c>): its lambdas are route handlers.</summary>
    public bool IsRouteMapping(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal)
        && invocation.TargetMethod.ContainingType is { } type
        && _routeBuilders.Contains(type.OriginalDefinition);

    private static IOperation? InitializedMember(IOperation implicitReceiver)
    {
        for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation member })
                return member.InitializedMember;
            if (current is IObjectOrCollectionInitializerOperation)
                return null;
        }
        return null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }
}
