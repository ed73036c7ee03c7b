using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Web API 2's <c>InternalServerError(Exception)</c> takes nothing but the exception, so no generic value fits its
/// argument. The whole call becomes <c>Content(HttpStatusCode.InternalServerError, "… Error ID: {errorId}")</c>: the
/// client still gets a 500, now with the ID instead of the serialized exception. Offered only when that call binds to
/// the controller's <c>Content</c> and its result converts to what the original call's result was used as (an action
/// declared to return <c>ExceptionResult</c> keeps no fix).
/// </summary>
internal static class StatusContentCall
{
    private const string ApiController = "System.Web.Http.ApiController";

    public static (InvocationExpressionSyntax Call, ExpressionSyntax Replacement)? Rewrite(
        ExpressionSyntax value, SemanticModel model, string idName, CancellationToken cancellationToken)
    {
        if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "InternalServerError" } method
            || model.Compilation.GetTypeByMetadataName(ApiController) is not { } apiController
            || !DeclaredBy(method, apiController))
            return null;
        var target = call.Expression switch
        {
            IdentifierNameSyntax name => (ExpressionSyntax)name.WithIdentifier(SyntaxFactory.Identifier("Content").WithTriviaFrom(name.Identifier)),
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName("Content").WithTriviaFrom(access.Name)),
            _ => null,
        };
        if (target is null)
            return null;
        var status = SyntaxFactory.ParseExpression("System.Net.HttpStatusCode.InternalServerError")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        ExpressionSyntax Build(ExpressionSyntax text) => call
            .WithExpression(target)
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(status), SyntaxFactory.Argument(text) })));

        // Bound with a plain literal: the ID local does not exist yet.
        var probe = Build(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("x")));
        var bound = model.GetSpeculativeSymbolInfo(call.SpanStart, probe, SpeculativeBindingOption.BindAsExpression).Symbol;
        var probeType = model.GetSpeculativeTypeInfo(call.SpanStart, probe, SpeculativeBindingOption.BindAsExpression).Type;
        var usedAs = model.GetTypeInfo(call, cancellationToken).ConvertedType;
        if (bound is not IMethodSymbol content || !DeclaredBy(content, apiController) || probeType is null || usedAs is null
            || !model.Compilation.ClassifyConversion(probeType, usedAs).IsImplicit)
            return null;
        return (call, Build(GenericMessageBuilder.GenericString(idName)).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>The method is the framework type's own, or an override of it in a base controller of the project.</summary>
    private static bool DeclaredBy(IMethodSymbol method, INamedTypeSymbol type)
    {
        for (IMethodSymbol? current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType?.OriginalDefinition, type))
                return true;
        }
        return false;
    }
}
