using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>
/// Groups the leaks of one document by catch block / handler and decides, per block, the ID name, the exception,
/// the log call to add or extend and the logger. Works on the original tree only, so one fix and FixAll agree:
/// a block already fixed once (ID declared, log call carrying it) is reused, never duplicated.
/// </summary>
internal sealed class FixPlanner
{
    private readonly SyntaxNode _root;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxNode, ScopePlan> _plans = new();

    public FixPlanner(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        _root = root;
        _model = model;
        _cancellationToken = cancellationToken;
        Injector = new LoggerInjector(model, cancellationToken);
    }

    public LoggerInjector Injector { get; }
    public IReadOnlyCollection<ScopePlan> Plans => _plans.Values;

    /// <summary>Adds one diagnostic; false when it cannot be fixed (no enclosing handler, no generic value of the sink's type).</summary>
    public bool Add(Diagnostic diagnostic)
    {
        var site = LeakSite.Find(_root, _model, diagnostic, _cancellationToken);
        if (site is null || _plans.Values.Any(p => p.Values.Any(v => v.Site.Value == site.Value)))
            return false;
        var isNew = !_plans.TryGetValue(site.Scope, out var plan);
        if (plan is null)
        {
            plan = new ScopePlan(site);
            PlanScope(plan);
        }
        var taint = new TaintProbe(_model, diagnostic, _cancellationToken);
        if (GenericMessageBuilder.Build(site.Value, _model, taint, plan.IdName, _cancellationToken) is { } replacement)
            plan.Values.Add((site, site.Value, replacement.WithTriviaFrom(site.Value)));
        else if (StatusContentCall.Rewrite(site.Value, _model, plan.IdName, _cancellationToken) is var (call, newCall))
            plan.Values.Add((site, call, newCall.WithTriviaFrom(call)));
        else
            return false;
        if (isNew)
        {
            // Only now: an unfixable leak must not leave an injected logger behind.
            ChooseLogger(plan);
            _plans.Add(site.Scope, plan);
        }
        return true;
    }

    private void PlanScope(ScopePlan plan)
    {
        var site = plan.First;
        var block = plan.Scope as BlockSyntax;
        if (site.Catch is { } catchClause)
        {
            var existing = catchClause.Declaration?.Identifier;
            if (existing is { } identifier && !identifier.IsKind(SyntaxKind.None) && identifier.ValueText.Length > 0)
            {
                plan.Exception = SyntaxFactory.IdentifierName(identifier.ValueText);
            }
            else
            {
                plan.NewCatchVariable = FreeLocalName(new[] { "ex", "exception" }, catchClause.Block);
                plan.Exception = SyntaxFactory.IdentifierName(plan.NewCatchVariable);
            }
        }
        else
        {
            plan.Exception = site.Exception!;
        }

        plan.ExistingId = block?.Statements.OfType<LocalDeclarationStatementSyntax>().FirstOrDefault(IsIdDeclaration);
        plan.IdName = plan.ExistingId?.Declaration.Variables[0].Identifier.ValueText
            ?? FreeLocalName(new[] { "errorId" }, plan.Scope, PlannedNamesAround(plan.Scope));

        var (logCall, api) = plan.NewCatchVariable is null ? FindExistingLog(plan) : (null, null);
        var logged = logCall is not null && logCall.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == plan.IdName);
        if (logCall is not null && !logged && plan.ExistingId is null && LogCallBuilder.CanExtend(logCall, api!, _model))
        {
            plan.LogToExtend = logCall;
            plan.LogToExtendApi = api;
        }

        if (block is not null)
        {
            var anchor = site.Catch is not null
                ? block.Statements.First()
                : block.Statements.First(s => s.Span.Contains(site.Value.Span));
            if (plan.LogToExtend is not null && block.Statements.FirstOrDefault(s => s.Span.Contains(plan.LogToExtend.Span)) is { } logStatement
                && logStatement.SpanStart < anchor.SpanStart)
            {
                anchor = logStatement;
            }
            plan.Anchor = anchor;
        }

        plan.NeedsNewLog = !logged && plan.LogToExtend is null;
    }

    private void ChooseLogger(ScopePlan plan)
    {
        if (!plan.NeedsNewLog)
            return;
        var value = plan.First.Value;
        var at = plan.Anchor is { } anchor ? FirstExpressionIn(anchor) ?? value : value;
        plan.NewLogger = LoggerLocator.Find(_model, at, _cancellationToken) ?? Injector.Choose(value);
    }

    private static ExpressionSyntax? FirstExpressionIn(StatementSyntax statement) =>
        statement.DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();

    /// <summary>An ID declaration written by this fix: <c>var errorId = ...Activity...NewGuid()...;</c>.</summary>
    private static bool IsIdDeclaration(LocalDeclarationStatementSyntax statement) =>
        statement.Declaration.Variables.Count == 1
        && statement.Declaration.Variables[0].Initializer?.Value is { } value
        && value.ToString() is var text && text.Contains("Activity") && text.Contains("NewGuid");

    /// <summary>A call in the block that already logs the exception (its first use as an argument of a logging method).</summary>
    private (InvocationExpressionSyntax? Call, LoggingApi? Api) FindExistingLog(ScopePlan plan)
    {
        foreach (var invocation in plan.Scope.DescendantNodes(n => n == plan.Scope || !LeakSite.IsFunction(n)).OfType<InvocationExpressionSyntax>())
        {
            if (!invocation.ArgumentList.Arguments.Any(a => SyntaxFactory.AreEquivalent(a.Expression, plan.Exception)))
                continue;
            if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method && LoggingApi.ForMethod(method) is { } api)
                return (invocation, api);
        }
        return (null, null);
    }

    /// <summary>IDs planned for enclosing or nested blocks in this same pass (not yet in the tree) must not be reused.</summary>
    private IEnumerable<string> PlannedNamesAround(SyntaxNode scope) =>
        _plans.Values.Where(p => p.ExistingId is null && (p.Scope.Span.Contains(scope.Span) || scope.Span.Contains(p.Scope.Span))).Select(p => p.IdName);

    /// <summary>A name that neither a visible local/parameter nor a declaration inside <paramref name="scope"/> uses.</summary>
    private string FreeLocalName(string[] preferred, SyntaxNode scope, IEnumerable<string>? alsoTaken = null)
    {
        var position = scope is BlockSyntax b ? b.OpenBraceToken.Span.End : scope.SpanStart;
        var visible = _model.LookupSymbols(position).Where(s => s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol).Select(s => s.Name);
        var declared = scope.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            CatchDeclarationSyntax c => c.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            _ => null,
        }).Where(n => n is not null).Select(n => n!);
        return LoggerInjector.FreeName(preferred, visible.Concat(declared).Concat(alsoTaken ?? Enumerable.Empty<string>()));
    }
}
