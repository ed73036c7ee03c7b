using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>The statements the fix adds: the ID declaration and the Error log call, and the edit of an existing log call.</summary>
internal static class LogCallBuilder
{
    /// <summary>
    /// The request's W3C trace id when an Activity exists (what distributed tracing and the logs already correlate on),
    /// else a random GUID. Never HttpContext.TraceIdentifier: Kestrel's is connection id + a sequential counter.
    /// </summary>
    public static StatementSyntax IdDeclaration(string idName) =>
        Statement($"var {idName} = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? System.Guid.NewGuid().ToString();");

    public static StatementSyntax NewLogCall(LoggerChoice logger, ExpressionSyntax exception, string idName) =>
        Statement(logger.Api.NewCallFormat.Replace("$L", logger.Expression).Replace("$E", exception.WithoutTrivia().ToFullString()).Replace("$I", idName));

    private static StatementSyntax Statement(string text) =>
        SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>Whether the existing call's message can take the ID (a literal or interpolated template).</summary>
    public static bool CanExtend(InvocationExpressionSyntax call, LoggingApi api, SemanticModel model) =>
        api.Extension != TemplateExtension.None && TemplateArgument(call, model) is { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax };

    /// <summary><c>LogError(ex, "Failed to save")</c> → <c>LogError(ex, "Failed to save {ErrorId}", errorId)</c>; log4net's message gets an interpolation hole.</summary>
    public static InvocationExpressionSyntax Extend(InvocationExpressionSyntax call, LoggingApi api, SemanticModel model, string idName)
    {
        var template = TemplateArgument(call, model)!;
        var interpolate = api.Extension == TemplateExtension.Interpolation || template.Expression is InterpolatedStringExpressionSyntax;
        ExpressionSyntax newTemplate;
        if (template.Expression is LiteralExpressionSyntax literal)
        {
            var text = literal.Token.ValueText;
            newTemplate = interpolate
                ? SyntaxFactory.ParseExpression("$" + SyntaxFactory.Literal(text.Replace("{", "{{").Replace("}", "}}") + " {" + idName + "}").Text)
                : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text + " {ErrorId}"));
        }
        else
        {
            var interpolated = (InterpolatedStringExpressionSyntax)template.Expression;
            var contents = interpolated.Contents
                .Add(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, " ", " ", default)))
                .Add(SyntaxFactory.Interpolation(SyntaxFactory.IdentifierName(idName)));
            newTemplate = interpolated.WithContents(contents);
            interpolate = true;
        }
        var arguments = call.ArgumentList.Arguments.Replace(template, template.WithExpression(newTemplate.WithTriviaFrom(template.Expression)));
        if (!interpolate)
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(idName)));
        return call.WithArgumentList(call.ArgumentList.WithArguments(arguments)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ArgumentSyntax? TemplateArgument(InvocationExpressionSyntax call, SemanticModel model)
    {
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
            return null;
        var parameters = method.ReducedFrom is { } reduced ? reduced.Parameters.Skip(1).ToList() : method.Parameters.ToList();
        for (var i = 0; i < call.ArgumentList.Arguments.Count; i++)
        {
            var argument = call.ArgumentList.Arguments[i];
            var parameter = argument.NameColon is { } nameColon
                ? parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText)
                : i < parameters.Count ? parameters[i] : null;
            if (parameter?.Name is "message" or "messageTemplate")
                return argument;
        }
        return null;
    }
}
