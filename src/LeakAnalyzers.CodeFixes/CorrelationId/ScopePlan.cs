using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// What the fix does to one catch block (or handler body): at most one ID declaration, at most one log call
/// (new or extended), a catch variable when missing, and every leaking value in it replaced.
/// </summary>
internal sealed class ScopePlan
{
    public ScopePlan(LeakSite first) => First = first;

    public LeakSite First { get; }
    public SyntaxNode Scope => First.Scope;
    /// <summary>Each leak with the node the fix replaces (the value, or the whole sink call when no value fits it) and its replacement.</summary>
    public List<(LeakSite Site, SyntaxNode Target, ExpressionSyntax Replacement)> Values { get; } = new();

    /// <summary>The exception the log call records.</summary>
    public ExpressionSyntax Exception { get; set; } = null!;
    /// <summary>Set when a bare catch gets a variable of this name.</summary>
    public string? NewCatchVariable { get; set; }
    public string IdName { get; set; } = "errorId";
    /// <summary>An ID declaration of an earlier fix in this block, reused; null when a new one is declared.</summary>
    public LocalDeclarationStatementSyntax? ExistingId { get; set; }
    /// <summary>A call that already logs the exception and gets the ID added.</summary>
    public InvocationExpressionSyntax? LogToExtend { get; set; }
    public LoggingApi? LogToExtendApi { get; set; }
    /// <summary>No call in the block logs the exception with the ID yet, and none can be extended.</summary>
    public bool NeedsNewLog { get; set; }
    /// <summary>The logger of the new log call; null when no new call is needed.</summary>
    public LoggerChoice? NewLogger { get; set; }
    /// <summary>The statement the ID declaration (and new log call) go before, for block scopes.</summary>
    public StatementSyntax? Anchor { get; set; }
}
