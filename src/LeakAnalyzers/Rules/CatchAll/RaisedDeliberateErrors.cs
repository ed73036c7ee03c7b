using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// The deliberate errors a try block visibly raises (endpoint code): request body and form reads (the framework's
/// 400/413 <c>BadHttpRequestException</c>), throws of status-carrying exceptions, and the same inside the project's own
/// methods it calls, followed to a bounded depth.
/// </summary>
internal sealed class RaisedDeliberateErrors
{
    private const int MaxCallDepth = 3;

    /// <summary>Request members that read the body and throw BadHttpRequestException (bad framing, too large).</summary>
    private static readonly string[] BodyReadingRequestMembers = { "Body", "BodyReader", "Form", "ReadFormAsync" };
    private static readonly string[] BodyReadingExtensionMethods = { "ReadFromJsonAsync" };

    private readonly DeliberateErrorTypes _types;
    private readonly ErrorHandlerSymbols _symbols;
    private readonly CalleeBodies _callees;
    private readonly PerTreeCache<ImmutableArray<INamedTypeSymbol>> _extraTypes;
    private readonly SyntaxTree _optionsTree;
    private readonly Func<IInvocationOperation, bool> _isNextCall;
    private ImmutableArray<INamedTypeSymbol>? _extra;
    private bool _callsNext;
    private readonly List<INamedTypeSymbol> _raised = new();
    private readonly HashSet<IMethodSymbol> _visited = new(SymbolEqualityComparer.Default);

    private RaisedDeliberateErrors(DeliberateErrorTypes types, ErrorHandlerSymbols symbols, CalleeBodies callees,
        PerTreeCache<ImmutableArray<INamedTypeSymbol>> extraTypes, SyntaxTree optionsTree, Func<IInvocationOperation, bool> isNextCall)
    {
        _isNextCall = isNextCall;
        _types = types;
        _symbols = symbols;
        _callees = callees;
        _extraTypes = extraTypes;
        _optionsTree = optionsTree;
    }

    /// <param name="extraTypes">The configured <c>deliberate_exception_types</c>, read from <paramref name="optionsTree"/>'s options.</param>
    /// <param name="optionsTree">The file of the try statement: its options apply to the helpers it calls too.</param>
    /// <param name="isNextCall">A call of the next middleware: asked of the calls in <paramref name="body"/> itself.</param>
    /// <param name="callsNext">Whether <paramref name="body"/> calls the next middleware (then it is not endpoint code).</param>
    public static List<INamedTypeSymbol> In(IOperation body, DeliberateErrorTypes types, ErrorHandlerSymbols symbols, CalleeBodies callees,
        PerTreeCache<ImmutableArray<INamedTypeSymbol>> extraTypes, SyntaxTree optionsTree, Func<IInvocationOperation, bool> isNextCall, out bool callsNext)
    {
        var collector = new RaisedDeliberateErrors(types, symbols, callees, extraTypes, optionsTree, isNextCall);
        collector.Collect(body, depth: 0);
        callsNext = collector._callsNext;
        return collector._raised;
    }

    private void Collect(IOperation body, int depth)
    {
        foreach (var operation in OperationWalk.Descendants(body))
        {
            switch (operation)
            {
                case IThrowOperation { Exception: { } thrown }:
                    if (ExceptionAliases.Unwrap(thrown)?.Type is INamedTypeSymbol thrownType && _types.IsDeliberate(thrownType, Extra))
                        AddOnce(thrownType);
                    break;
                // Names first: a string comparison rejects almost every member before any type is compared.
                case IPropertyReferenceOperation property when Contains(BodyReadingRequestMembers, property.Property.Name) && IsRequest(property.Property.ContainingType):
                    AddBadRequest();
                    break;
                case IInvocationOperation invocation:
                    if (depth == 0 && _isNextCall(invocation))
                        _callsNext = true;
                    var method = invocation.TargetMethod;
                    if ((Contains(BodyReadingRequestMembers, method.Name) && IsRequest(method.ContainingType))
                        || (Contains(BodyReadingExtensionMethods, method.Name) && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.HttpRequestJsonExtensions)))
                        AddBadRequest();
                    else if (depth < MaxCallDepth && HasSourceBody(method) && _visited.Add(method.OriginalDefinition)
                             && _callees.GetBody(method, invocation) is { } calleeBody)
                        Collect(calleeBody, depth + 1);
                    break;
            }
        }
    }

    /// <summary>
    /// Read on the first throw only: most endpoint try blocks throw nothing, and the first options read of each file
    /// (cold data, one per file) was a third of this rule's time on the 100k-line benchmark.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> Extra => _extra ??= _extraTypes.Get(_optionsTree);

    /// <summary>Framework calls and calls through interfaces (no body) are rejected before any set or cache is consulted.</summary>
    private static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && !method.DeclaringSyntaxReferences.IsEmpty;

    private bool IsRequest(INamedTypeSymbol? type) =>
        _symbols.HttpRequest is not null && TypeRelations.DerivesFromOrEquals(type, _symbols.HttpRequest);

    private void AddBadRequest()
    {
        if (_types.BadHttpRequest is { } badRequest)
            AddOnce(badRequest);
    }

    private void AddOnce(INamedTypeSymbol type)
    {
        foreach (var existing in _raised)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, type))
                return;
        }
        _raised.Add(type);
    }

    private static bool Contains(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (candidate == name)
                return true;
        }
        return false;
    }
}
