using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Expression-bodied handlers (<c>ctx => ctx.ProblemDetails.Detail = ctx.Exception?.Message</c>,
/// <c>IActionResult Fail(Exception e) => Problem(e.Message)</c>) need a block to hold the ID and the log call.
/// </summary>
internal static class ExpressionBodies
{
    public static void ConvertToBlock(DocumentEditor editor, SyntaxNode function, List<StatementSyntax> statements, SemanticModel model, CancellationToken cancellationToken)
    {
        var returnsValue = ReturnsValue(function, model, cancellationToken);
        editor.ReplaceNode(function, (current, _) =>
        {
            var body = current switch
            {
                AnonymousFunctionExpressionSyntax f => f.ExpressionBody,
                LocalFunctionStatementSyntax f => f.ExpressionBody?.Expression,
                BaseMethodDeclarationSyntax m => m.ExpressionBody?.Expression,
                AccessorDeclarationSyntax a => a.ExpressionBody?.Expression,
                _ => null,
            };
            if (body is null)
                return current;
            var all = new List<StatementSyntax>(statements);
            all.Add(returnsValue
                ? SyntaxFactory.ReturnStatement(body.WithoutLeadingTrivia())
                : SyntaxFactory.ExpressionStatement(body.WithoutLeadingTrivia()));
            var block = SyntaxFactory.Block(all).WithAdditionalAnnotations(Formatter.Annotation);
            return current switch
            {
                AnonymousFunctionExpressionSyntax f => f.WithExpressionBody(null).WithBlock(block),
                LocalFunctionStatementSyntax f => f.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
                    .WithParameterList(f.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)),
                MethodDeclarationSyntax m => m.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
                    .WithParameterList(m.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)),
                BaseMethodDeclarationSyntax m => m.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
                AccessorDeclarationSyntax a => a.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
                _ => current,
            };
        });
    }

    private static bool ReturnsValue(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = function is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        if (symbol is null || symbol.ReturnsVoid)
            return false;
        if (symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { IsGenericType: false } task
            && task.Name is "Task" or "ValueTask")
        {
            return false;
        }
        return true;
    }
}
