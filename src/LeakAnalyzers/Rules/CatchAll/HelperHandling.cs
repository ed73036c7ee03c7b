using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// The common middleware shape hands the exception to a helper: <c>catch (Exception ex) { await HandleExceptionAsync(context, ex); }</c>
/// with <c>ex switch { NotFoundException =&gt; 404, ... }</c> inside. A deliberate type counts as handled on purpose when a
/// project method receiving the exception tests for that type (or a base of it other than Exception) or maps its
/// status, followed to a bounded depth.
/// </summary>
internal sealed class HelperHandling
{
    private const int MaxDepth = 2;

    private readonly CalleeBodies _callees;
    private readonly DeliberateErrorTypes _types;
    private readonly ErrorHandlerSymbols _symbols;

    public HelperHandling(CalleeBodies callees, DeliberateErrorTypes types, ErrorHandlerSymbols symbols)
    {
        _callees = callees;
        _types = types;
        _symbols = symbols;
    }

    public bool Handles(IOperation? scope, ITypeSymbol type, ExceptionAliases aliases) => Handles(scope, type, aliases, depth: 0);

    private bool Handles(IOperation? scope, ITypeSymbol type, ExceptionAliases aliases, int depth)
    {
        if (scope is null)
            return false;
        foreach (var operation in OperationWalk.Descendants(scope))
        {
            if (operation is not IInvocationOperation invocation)
                continue;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !aliases.IsException(argument.Value))
                    continue;
                if (_callees.GetBody(invocation.TargetMethod, invocation) is not { } body)
                    continue;
                var helperAliases = new ExceptionAliases(_symbols);
                helperAliases.Add(parameter);
                helperAliases.Add(parameter.OriginalDefinition);
                if (TestsFor(body, type, helperAliases) || StatusMapping.Covers(body, type, _types)
                    || (depth < MaxDepth && Handles(body, type, helperAliases, depth + 1)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>The body tests the exception for the type: <c>is</c>, a switch expression arm, a switch statement case.</summary>
    private bool TestsFor(IOperation body, ITypeSymbol type, ExceptionAliases aliases)
    {
        var test = new ExceptionTypeTest(type, aliases, _types);
        foreach (var operation in OperationWalk.DescendantsAndSelf(body))
        {
            switch (operation)
            {
                case IIsTypeOperation or IIsPatternOperation:
                    if (IsNarrowedTrue(test.Evaluate(operation)))
                        return true;
                    break;
                case ISwitchExpressionOperation switchExpression when aliases.IsException(switchExpression.Value):
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (IsNarrowedTrue(test.EvaluatePattern(arm.Pattern)))
                            return true;
                    }
                    break;
                case ISwitchOperation switchStatement when aliases.IsException(switchStatement.Value):
                    foreach (var section in switchStatement.Cases)
                    {
                        foreach (var clause in section.Clauses)
                        {
                            if (clause is IPatternCaseClauseOperation patternClause && IsNarrowedTrue(test.EvaluatePattern(patternClause.Pattern)))
                                return true;
                        }
                    }
                    break;
            }
        }
        return false;
    }

    private static bool IsNarrowedTrue(TypeTestResult result) => result.IsTrue && result.Narrowed;
}
