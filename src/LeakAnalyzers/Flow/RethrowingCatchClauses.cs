using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Catch clauses that always end by throwing (<c>catch (Exception ex) { _logger.LogError(ex, "..."); throw; }</c>): the
/// data they see cannot reach the method's return value, because nothing they write to a local is read again on a path
/// that returns. Decided from syntax alone, conservatively: any way out of the block other than its last statement
/// (a <c>return</c>, <c>break</c>, <c>continue</c>, <c>goto</c>, <c>yield</c>) makes the clause count as one that can
/// hand data on. A filter's writes need no check: after a filter runs, the method can only return normally if some
/// clause that does not always throw catches the exception, and that clause counts on its own.
/// </summary>
internal static class RethrowingCatchClauses
{
    /// <summary>True when <paramref name="declaration"/> holds a catch clause that does not always throw.</summary>
    public static bool AnyHandsOn(SyntaxNode declaration) =>
        KeywordTokens.Any(declaration, "catch", (int)SyntaxKind.CatchKeyword, HandsOn)
        ?? WalkForHandingOnClause(declaration);

    private static bool HandsOn(SyntaxToken catchKeyword) =>
        catchKeyword.Parent is CatchClauseSyntax clause && !AlwaysThrows(clause);

    private static bool WalkForHandingOnClause(SyntaxNode declaration)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            if (node is CatchClauseSyntax clause && !AlwaysThrows(clause))
                return true;
        }
        return false;
    }

    public static bool AlwaysThrows(CatchClauseSyntax clause)
    {
        var statements = clause.Block.Statements;
        if (statements.Count == 0 || statements[statements.Count - 1] is not ThrowStatementSyntax)
            return false;
        foreach (var node in clause.Block.DescendantNodes())
        {
            if (node is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                or YieldStatementSyntax)
                return false;
        }
        return true;
    }
}
