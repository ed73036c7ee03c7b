using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LeakAnalyzers.CodeFixes.CatchAll;

/// <summary>
/// The alternative fix for catch clauses: <c>catch (Exception ex) when (ex is not (A or B) &amp;&amp; !(ex is
/// OperationCanceledException &amp;&amp; context.RequestAborted.IsCancellationRequested))</c>, keeping an existing filter
/// after <c>&amp;&amp;</c>. A bare <c>catch</c> or a catch without a variable gets one.
/// </summary>
internal sealed class WhenFilterOnCatchAll : DeliberateErrorEdit
{
    private static readonly string[] VariableNames = { "ex", "exception", "caught" };

    private readonly CatchClauseSyntax _clause;
    private readonly string _variable;
    private readonly string _condition;
    private readonly string _exceptionType;

    private WhenFilterOnCatchAll(CatchClauseSyntax clause, string variable, string condition, string exceptionType)
    {
        _clause = clause;
        _variable = variable;
        _condition = condition;
        _exceptionType = exceptionType;
    }

    public static WhenFilterOnCatchAll? Create(SemanticModel model, CatchClauseSyntax clause, List<INamedTypeSymbol> types, string? httpContext, TypeNamer names)
    {
        var variable = clause.Declaration is { Identifier.ValueText: { Length: > 0 } existing } ? existing : FreeName(model, clause);
        if (variable is null)
            return null;
        var patterns = types.Where(t => !(IsOperationCanceled(t) && httpContext is not null)).Select(names.Name).ToList();
        var parts = new List<string>();
        if (patterns.Count == 1)
            parts.Add($"{variable} is not {patterns[0]}");
        else if (patterns.Count > 1)
            parts.Add($"{variable} is not ({string.Join(" or ", patterns)})");
        if (patterns.Count != types.Count)
            parts.Add($"!({variable} is {names.Name("System.OperationCanceledException")} && {httpContext}.RequestAborted.IsCancellationRequested)");
        return new WhenFilterOnCatchAll(clause, variable, string.Join(" && ", parts), names.Name("System.Exception"));
    }

    public override void Apply(DocumentEditor editor) =>
        editor.ReplaceNode(_clause, (current, _) =>
        {
            var clause = (CatchClauseSyntax)current;
            // The line break before the block sits on the last token before it; it moves to the end of the new filter.
            var endTrivia = clause.Filter?.GetTrailingTrivia() ?? clause.Declaration?.GetTrailingTrivia() ?? clause.CatchKeyword.TrailingTrivia;
            var declaration = clause.Declaration is { } existing
                ? existing.WithIdentifier(existing.Identifier.ValueText.Length > 0 ? existing.Identifier : SyntaxFactory.Identifier(_variable))
                : SyntaxFactory.CatchDeclaration(SyntaxFactory.ParseTypeName(_exceptionType), SyntaxFactory.Identifier(_variable));
            var condition = clause.Filter is { } filter
                ? _condition + " && " + (NeedsParentheses(filter.FilterExpression) ? "(" + filter.FilterExpression + ")" : filter.FilterExpression.ToString())
                : _condition;
            var newFilter = SyntaxFactory.CatchFilterClause(SyntaxFactory.ParseExpression(condition)).WithTrailingTrivia(endTrivia);
            clause = clause.WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia(SyntaxFactory.Space));
            declaration = declaration.WithTrailingTrivia(SyntaxFactory.Space);
            return Annotate(clause.WithDeclaration(declaration).WithFilter(newFilter));
        });

    /// <summary><c>a || b</c>, <c>c ? x : y</c> and the like would bind differently after <c>&amp;&amp;</c>.</summary>
    private static bool NeedsParentheses(ExpressionSyntax expression) =>
        expression is BinaryExpressionSyntax binary ? !binary.IsKind(SyntaxKind.LogicalAndExpression) && !IsComparison(binary)
        : expression is ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax or SwitchExpressionSyntax;

    private static bool IsComparison(BinaryExpressionSyntax binary) =>
        binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.LessThanExpression
            or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;

    private static string? FreeName(SemanticModel model, CatchClauseSyntax clause)
    {
        foreach (var name in VariableNames)
        {
            if (model.LookupSymbols(clause.Block.SpanStart, name: name).IsEmpty)
                return name;
        }
        return null;
    }
}
