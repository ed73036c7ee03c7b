using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes;

/// <summary>
/// Finds an expression for the hosting environment that code at a given position can use: an
/// <c>IWebHostEnvironment</c>/<c>IHostEnvironment</c> local, parameter, field or property, or the <c>Environment</c> of a
/// <c>WebApplication</c>/<c>WebApplicationBuilder</c> (and similar holders) in scope. Locals and parameters win over
/// members, the one declared closest to the position wins among them (after <c>var app = builder.Build();</c> that is
/// <c>app.Environment</c>).
/// </summary>
internal static class ReachableEnvironment
{
    /// <summary>Environment types, with the namespace of the static class that gives them <c>IsDevelopment()</c>.</summary>
    private static readonly ImmutableArray<(string Type, string ExtensionNamespace)> EnvironmentTypes = ImmutableArray.Create(
        ("Microsoft.Extensions.Hosting.IHostEnvironment", "Microsoft.Extensions.Hosting"),
        ("Microsoft.AspNetCore.Hosting.IHostingEnvironment", "Microsoft.AspNetCore.Hosting"),
        ("Microsoft.Extensions.Hosting.IHostingEnvironment", "Microsoft.Extensions.Hosting"));

    /// <summary>Types that carry the environment in a property.</summary>
    private static readonly ImmutableArray<(string Type, string Property)> Holders = ImmutableArray.Create(
        ("Microsoft.AspNetCore.Builder.WebApplication", "Environment"),
        ("Microsoft.AspNetCore.Builder.WebApplicationBuilder", "Environment"),
        ("Microsoft.Extensions.Hosting.HostApplicationBuilder", "Environment"),
        ("Microsoft.Extensions.Hosting.IHostApplicationBuilder", "Environment"),
        ("Microsoft.AspNetCore.Hosting.WebHostBuilderContext", "HostingEnvironment"),
        ("Microsoft.Extensions.Hosting.HostBuilderContext", "HostingEnvironment"));

    /// <summary>The environment expression and the namespace to import for <c>IsDevelopment()</c>.</summary>
    public readonly struct Found
    {
        public Found(ExpressionSyntax expression, ITypeSymbol type, string extensionNamespace)
        {
            Expression = expression;
            Type = type;
            ExtensionNamespace = extensionNamespace;
        }

        public ExpressionSyntax Expression { get; }
        public ITypeSymbol Type { get; }
        public string ExtensionNamespace { get; }
    }

    public static Found? Find(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var known = KnownTypes.Resolve(model.Compilation);
        if (known.IsEmpty)
            return null;
        // A static lambda or local function captures nothing: only what is declared inside it, and static members.
        var captureBoundary = InnermostStaticFunction(model.SyntaxTree.GetRoot(cancellationToken), position);
        var staticContext = captureBoundary is not null || IsStaticContext(model.GetEnclosingSymbol(position, cancellationToken));
        Found? best = null;
        var bestRank = int.MaxValue;
        var bestPosition = -1;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (type, rank, declaredAt) = symbol switch
            {
                ILocalSymbol local when DeclaredBefore(local, position, out var at) && Within(local, captureBoundary) => (local.Type, 0, at),
                IParameterSymbol parameter when Within(parameter, captureBoundary) && (!staticContext || !IsPrimaryConstructorParameter(parameter))
                    => (parameter.Type, 0, DeclarationStart(parameter)),
                IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || !staticContext) => (field.Type, 1, -1),
                IPropertySymbol { IsIndexer: false } property when property.IsStatic || !staticContext => (property.Type, 1, -1),
                _ => ((ITypeSymbol?)null, int.MaxValue, -1),
            };
            if (type is null || rank > bestRank || (rank == bestRank && declaredAt <= bestPosition))
                continue;
            if (known.Describe(symbol.Name, type) is { } found)
            {
                best = found;
                bestRank = rank;
                bestPosition = declaredAt;
            }
        }
        return best;
    }

    /// <summary>The environment and holder types of one compilation, resolved once per lookup.</summary>
    private sealed class KnownTypes
    {
        private readonly List<(INamedTypeSymbol Type, string ExtensionNamespace)> _environments = new();
        private readonly List<(INamedTypeSymbol Type, IPropertySymbol Property, string ExtensionNamespace)> _holders = new();

        public bool IsEmpty => _environments.Count == 0;

        public static KnownTypes Resolve(Compilation compilation)
        {
            var known = new KnownTypes();
            foreach (var (typeName, ns) in EnvironmentTypes)
            {
                if (compilation.GetTypeByMetadataName(typeName) is { } type)
                    known._environments.Add((type, ns));
            }
            foreach (var (typeName, propertyName) in Holders)
            {
                if (compilation.GetTypeByMetadataName(typeName) is not { } holder)
                    continue;
                foreach (var member in holder.GetMembers(propertyName))
                {
                    if (member is IPropertySymbol property && known.ExtensionNamespaceFor(property.Type) is { } ns)
                        known._holders.Add((holder, property, ns));
                }
            }
            return known;
        }

        /// <summary><c>name</c> when it is an environment, <c>name.Environment</c> when it holds one, else null.</summary>
        public Found? Describe(string name, ITypeSymbol type)
        {
            var reference = SyntaxFactory.IdentifierName(name);
            if (ExtensionNamespaceFor(type) is { } direct)
                return new Found(reference, type, direct);
            foreach (var (holder, property, ns) in _holders)
            {
                if (!IsOrImplements(type, holder))
                    continue;
                var access = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, reference, SyntaxFactory.IdentifierName(property.Name));
                return new Found(access, property.Type, ns);
            }
            return null;
        }

        private string? ExtensionNamespaceFor(ITypeSymbol type)
        {
            foreach (var (environment, ns) in _environments)
            {
                if (IsOrImplements(type, environment))
                    return ns;
            }
            return null;
        }
    }

    private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol target)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                return true;
        }
        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, target))
                return true;
        }
        return false;
    }

    /// <summary>Top-level locals are in scope everywhere in Program.cs, but usable only after their declaration.</summary>
    private static bool DeclaredBefore(ILocalSymbol local, int position, out int declaredAt)
    {
        declaredAt = -1;
        if (local.DeclaringSyntaxReferences.Length == 0)
            return false;
        var span = local.DeclaringSyntaxReferences[0].Span;
        declaredAt = span.Start;
        return span.End < position;
    }

    private static int DeclarationStart(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.Length > 0 ? parameter.DeclaringSyntaxReferences[0].Span.Start : 0;

    private static SyntaxNode? InnermostStaticFunction(SyntaxNode root, int position)
    {
        for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
        {
            var modifiers = node switch
            {
                AnonymousFunctionExpressionSyntax function => function.Modifiers,
                LocalFunctionStatementSyntax function => function.Modifiers,
                _ => default,
            };
            if (modifiers.Any(SyntaxKind.StaticKeyword))
                return node;
        }
        return null;
    }

    private static bool Within(ISymbol symbol, SyntaxNode? boundary) =>
        boundary is null
        || (symbol.DeclaringSyntaxReferences.Length > 0
            && symbol.DeclaringSyntaxReferences[0].SyntaxTree == boundary.SyntaxTree
            && boundary.Span.Contains(symbol.DeclaringSyntaxReferences[0].Span));

    /// <summary>A primary-constructor parameter lives as long as the instance: out of reach from static code.</summary>
    private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && constructor.DeclaringSyntaxReferences.Length > 0
        && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

    /// <summary>Instance members are out of reach in a static method (lambdas inside one included).</summary>
    private static bool IsStaticContext(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
            symbol = function.ContainingSymbol;
        return symbol is null || symbol.IsStatic || symbol is INamedTypeSymbol;
    }
}
