using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// The deliberate errors a try block visibly raises (endpoint code): request body and form reads (the framework's
/// 400/413 <c>BadHttpRequestException</c>), throws of status-carrying exceptions, and calls to the project's own
/// methods whose bodies throw them.
/// </summary>
internal static class RaisedDeliberateErrors
{
    /// <summary>Request members that read the body and throw BadHttpRequestException (bad framing, too large).</summary>
    private static readonly string[] BodyReadingRequestMembers = { "Body", "BodyReader", "Form", "ReadFormAsync" };
    private static readonly string[] BodyReadingExtensionMethods = { "ReadFromJsonAsync" };

    public static void Collect(
        IOperation body, DeliberateErrorTypes types, ErrorHandlerSymbols symbols, ImmutableArray<INamedTypeSymbol> extra,
        List<INamedTypeSymbol> raised, CancellationToken cancellationToken)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IThrowOperation { Exception: { } thrown }:
                    if (Flow.ExceptionAliases.Unwrap(thrown)?.Type is INamedTypeSymbol thrownType && types.IsDeliberate(thrownType, extra))
                        AddOnce(raised, thrownType);
                    break;
                case IPropertyReferenceOperation property when IsRequest(property.Property.ContainingType, symbols) && Contains(BodyReadingRequestMembers, property.Property.Name):
                    AddBadRequest(raised, types);
                    break;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if ((IsRequest(method.ContainingType, symbols) && Contains(BodyReadingRequestMembers, method.Name))
                        || (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.HttpRequestJsonExtensions) && Contains(BodyReadingExtensionMethods, method.Name)))
                        AddBadRequest(raised, types);
                    else
                        CollectFromSourceMethod(method, types, raised, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>
    /// A project method (declared in source) that throws <c>new X(...)</c> of a deliberate type, found by syntax and
    /// matched by simple name: the callee may live in another file, whose semantic model an analyzer should not ask for.
    /// </summary>
    private static void CollectFromSourceMethod(IMethodSymbol method, DeliberateErrorTypes types, List<INamedTypeSymbol> raised, CancellationToken cancellationToken)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            foreach (var node in syntax.DescendantNodes())
            {
                var created = node switch
                {
                    ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax c } => c,
                    ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax c } => c,
                    _ => null,
                };
                if (created is not null && types.FindBySimpleName(SimpleName(created.Type)) is { } type)
                    AddOnce(raised, type);
            }
        }
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    private static bool IsRequest(INamedTypeSymbol? type, ErrorHandlerSymbols symbols) =>
        symbols.HttpRequest is not null && TypeRelations.DerivesFromOrEquals(type, symbols.HttpRequest);

    private static void AddBadRequest(List<INamedTypeSymbol> raised, DeliberateErrorTypes types)
    {
        if (types.BadHttpRequest is { } badRequest)
            AddOnce(raised, badRequest);
    }

    private static void AddOnce(List<INamedTypeSymbol> list, INamedTypeSymbol type)
    {
        foreach (var existing in list)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, type))
                return;
        }
        list.Add(type);
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
