using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Exception types that are raised on purpose to answer with a specific status (LEAK003): the framework's
/// <c>BadHttpRequestException</c>s, Web API 2 / System.Web status exceptions, and any exception type with a public
/// int or <see cref="System.Net.HttpStatusCode"/> <c>StatusCode</c> property. Resolved once per compilation.
/// </summary>
internal sealed class DeliberateErrorTypes
{
    /// <summary>Framework types that carry a status by design, whatever their members look like.</summary>
    private static readonly string[] KnownTypeNames =
    {
        "Microsoft.AspNetCore.Http.BadHttpRequestException",
        "Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException",
        "System.Web.Http.HttpResponseException",
        "System.Web.HttpException",
    };

    private const string StatusCodePropertyName = "StatusCode";

    private readonly ConcurrentDictionary<ITypeSymbol, bool> _carriesStatus = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, bool> _computeCarriesStatus;
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _projectTypes;
    private readonly Compilation _compilation;

    public INamedTypeSymbol Exception { get; }
    public INamedTypeSymbol OperationCanceled { get; }
    public INamedTypeSymbol? BadHttpRequest { get; }
    public INamedTypeSymbol? RpcException { get; }
    public INamedTypeSymbol? HttpStatusCode { get; }
    public ImmutableArray<INamedTypeSymbol> Known { get; }

    private DeliberateErrorTypes(Compilation compilation, INamedTypeSymbol exception, INamedTypeSymbol operationCanceled)
    {
        _compilation = compilation;
        Exception = exception;
        OperationCanceled = operationCanceled;
        BadHttpRequest = KnownTypes.Find(compilation, KnownTypeNames[0]);
        RpcException = KnownTypes.Find(compilation, "Grpc.Core.RpcException");
        HttpStatusCode = KnownTypes.Find(compilation, "System.Net.HttpStatusCode");
        var known = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in KnownTypeNames)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                known.Add(type);
        }
        Known = known.ToImmutable();
        _projectTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(FindProjectTypes);
        _computeCarriesStatus = ComputeCarriesStatus;
    }

    public static DeliberateErrorTypes? Create(Compilation compilation) =>
        KnownTypes.Find(compilation, "System.Exception") is { } exception
        && KnownTypes.Find(compilation, "System.OperationCanceledException") is { } canceled
            ? new DeliberateErrorTypes(compilation, exception, canceled)
            : null;

    /// <summary>The project's own status-carrying exception types (declared in source), most general first.</summary>
    public ImmutableArray<INamedTypeSymbol> ProjectTypes => _projectTypes.Value;

    /// <summary>True for a known framework type, a status-carrying type, or one derived from them (gRPC excluded).</summary>
    public bool IsDeliberate(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> extra)
    {
        if (type is null || type.TypeKind == TypeKind.TypeParameter)
            return false;
        if (_carriesStatus.TryGetValue(type, out var carries) ? carries : _carriesStatus.GetOrAdd(type, _computeCarriesStatus))
            return true;
        foreach (var extraType in extra)
        {
            if (TypeRelations.DerivesFromOrEquals(type, extraType))
                return true;
        }
        return false;
    }

    private bool ComputeCarriesStatus(ITypeSymbol type)
    {
        if (!TypeRelations.DerivesFromOrEquals(type, Exception))
            return false;
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            foreach (var known in Known)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, known))
                    return true;
            }
            foreach (var member in current.GetMembers(StatusCodePropertyName))
            {
                if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } property
                    && (property.Type.SpecialType == SpecialType.System_Int32
                        || SymbolEqualityComparer.Default.Equals(property.Type, HttpStatusCode)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The status-carrying exception types declared in source (one walk per compilation, on first use). The walk asks
    /// namespaces and types for their namespaces and types only: <c>GetMembers()</c> would wrap every method and
    /// property of the project in a public symbol just to skip it.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> FindProjectTypes()
    {
        var found = new List<INamedTypeSymbol>();
        var namespaces = new Stack<INamespaceSymbol>();
        var types = new Stack<INamedTypeSymbol>();
        namespaces.Push(_compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            var current = namespaces.Pop();
            foreach (var nested in current.GetNamespaceMembers())
                namespaces.Push(nested);
            foreach (var type in current.GetTypeMembers())
                types.Push(type);
            while (types.Count > 0)
            {
                var type = types.Pop();
                foreach (var nested in type.GetTypeMembers())
                    types.Push(nested);
                if (type is { TypeKind: TypeKind.Class, IsImplicitlyDeclared: false } && TypeRelations.DerivesFromOrEquals(type, Exception)
                    && IsDeliberate(type, ImmutableArray<INamedTypeSymbol>.Empty))
                    found.Add(type);
            }
        }
        return TypeRelations.MostGeneral(found);
    }
}
