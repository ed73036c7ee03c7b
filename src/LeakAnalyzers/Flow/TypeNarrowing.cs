using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Whether a read of a variable sits where a type test has narrowed it, and every type it may then have passes a test:
/// <c>catch (Exception ex) when (ex is DomainException)</c>, <c>if (ex is NotFoundError || ex is ConflictError)</c>,
/// the <c>else</c> of <c>if (ex is not DomainException)</c>, <c>case NotFoundError:</c> of <c>switch (ex)</c> (every
/// label of the section), the <c>NotFoundError =&gt;</c> arm of <c>ex switch { ... }</c>. The variable is a local, a
/// parameter, or a member read on one (<c>context.Exception</c> in an exception filter). A test that returns or throws
/// when it fails narrows the statements after it in its block (<c>if (ex is not DomainException) return Problem();</c>).
/// </summary>
internal static class TypeNarrowing
{
    /// <summary>
    /// True when an enclosing test narrows <paramref name="read"/> to types that all pass <paramref name="test"/>.
    /// Each enclosing test is a fact at the read (nothing in between reassigns an exception variable in practice), so one
    /// that proves the test is enough.
    /// </summary>
    public static bool Proves<TState>(IOperation read, TState state, Func<TState, ITypeSymbol, bool> test)
    {
        if (!IsVariable(read))
            return false;
        IOperation child = read;
        for (var current = read.Parent; current is not null; child = current, current = current.Parent)
        {
            var proved = current switch
            {
                ICatchClauseOperation { Filter: { } filter } clause when ReferenceEquals(child, clause.Handler) =>
                    Condition(filter, true, read, state, test),
                IConditionalOperation conditional when ReferenceEquals(child, conditional.WhenTrue) =>
                    Condition(conditional.Condition, true, read, state, test),
                IConditionalOperation conditional when ReferenceEquals(child, conditional.WhenFalse) =>
                    Condition(conditional.Condition, false, read, state, test),
                ISwitchCaseOperation section when child is not ICaseClauseOperation && current.Parent is ISwitchOperation switchStatement
                    && SameVariable(OperationNavigation.Unwrap(switchStatement.Value), read) =>
                    Section(section, read, state, test),
                ISwitchExpressionArmOperation arm when ReferenceEquals(child, arm.Value) && current.Parent is ISwitchExpressionOperation switchExpression
                    && SameVariable(OperationNavigation.Unwrap(switchExpression.Value), read) =>
                    Pattern(arm.Pattern, true, state, test) || arm.Guard is { } guard && Condition(guard, true, read, state, test),
                IBlockOperation block => AfterEarlyExits(block, child, read, state, test),
                IAnonymousFunctionOperation or ILocalFunctionOperation => null,
                _ => (bool?)false,
            };
            if (proved is null)
                return false;
            if (proved.Value)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Statements before <paramref name="child"/> in its block that leave when the test fails:
    /// <c>if (ex is not DomainException) return Problem();</c> narrows what follows.
    /// </summary>
    private static bool AfterEarlyExits<TState>(IBlockOperation block, IOperation child, IOperation read, TState state, Func<TState, ITypeSymbol, bool> test)
    {
        foreach (var statement in block.Operations)
        {
            if (ReferenceEquals(statement, child))
                break;
            if (statement is IConditionalOperation { WhenFalse: null } guard && AlwaysLeaves(guard.WhenTrue)
                && Condition(guard.Condition, false, read, state, test))
                return true;
        }
        return false;
    }

    /// <summary>A return or throw, alone or as the last statement of a block.</summary>
    private static bool AlwaysLeaves(IOperation statement)
    {
        while (statement is IBlockOperation { Operations: { Length: > 0 } operations })
            statement = operations[operations.Length - 1];
        return statement is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
    }

    /// <summary>Every label of a switch section must narrow (one <c>default:</c> or constant label lets any type in).</summary>
    private static bool Section<TState>(ISwitchCaseOperation section, IOperation read, TState state, Func<TState, ITypeSymbol, bool> test)
    {
        foreach (var clause in section.Clauses)
        {
            if (clause is not IPatternCaseClauseOperation patternClause
                || !(Pattern(patternClause.Pattern, true, state, test) || patternClause.Guard is { } guard && Condition(guard, true, read, state, test)))
                return false;
        }
        return !section.Clauses.IsEmpty;
    }

    /// <summary>Whether <paramref name="condition"/> having the value <paramref name="outcome"/> proves the test for the read.</summary>
    private static bool Condition<TState>(IOperation condition, bool outcome, IOperation read, TState state, Func<TState, ITypeSymbol, bool> test)
    {
        condition = OperationNavigation.Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Condition(not.Operand, !outcome, read, state, test);
            // a && b true: both hold, either may narrow; false: one of them failed, both must narrow. || the other way round.
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return outcome
                    ? Condition(and.LeftOperand, true, read, state, test) || Condition(and.RightOperand, true, read, state, test)
                    : Condition(and.LeftOperand, false, read, state, test) && Condition(and.RightOperand, false, read, state, test);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return outcome
                    ? Condition(or.LeftOperand, true, read, state, test) && Condition(or.RightOperand, true, read, state, test)
                    : Condition(or.LeftOperand, false, read, state, test) || Condition(or.RightOperand, false, read, state, test);
            case IIsTypeOperation isType when SameVariable(OperationNavigation.Unwrap(isType.ValueOperand), read):
                return outcome != isType.IsNegated && test(state, isType.TypeOperand);
            case IIsPatternOperation isPattern when SameVariable(OperationNavigation.Unwrap(isPattern.Value), read):
                return Pattern(isPattern.Pattern, outcome, state, test);
            default:
                return false;
        }
    }

    /// <summary>Whether the pattern matching (or failing, for <paramref name="outcome"/> false) proves the test.</summary>
    private static bool Pattern<TState>(IPatternOperation pattern, bool outcome, TState state, Func<TState, ITypeSymbol, bool> test)
    {
        switch (pattern)
        {
            case ITypePatternOperation typePattern:
                return outcome && test(state, typePattern.MatchedType);
            case IDeclarationPatternOperation { MatchesNull: false } declaration:
                return outcome && declaration.MatchedType is { } declared && test(state, declared);
            case IRecursivePatternOperation recursive:
                return outcome && recursive.MatchedType is { } matched && test(state, matched);
            case INegatedPatternOperation negated:
                return Pattern(negated.Pattern, !outcome, state, test);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                return outcome
                    ? Pattern(and.LeftPattern, true, state, test) || Pattern(and.RightPattern, true, state, test)
                    : Pattern(and.LeftPattern, false, state, test) && Pattern(and.RightPattern, false, state, test);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return outcome
                    ? Pattern(or.LeftPattern, true, state, test) && Pattern(or.RightPattern, true, state, test)
                    : Pattern(or.LeftPattern, false, state, test) || Pattern(or.RightPattern, false, state, test);
            default:
                return false;
        }
    }

    /// <summary>A local, a parameter, or a field or property read on one of those (or on <c>this</c>, or static).</summary>
    private static bool IsVariable(IOperation operation)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            switch (operation)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation:
                    return true;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    if (property.Instance is not { } propertyInstance)
                        return true;
                    operation = propertyInstance;
                    break;
                case IFieldReferenceOperation field:
                    if (field.Instance is not { } fieldInstance)
                        return true;
                    operation = fieldInstance;
                    break;
                case IInstanceReferenceOperation:
                    return true;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Whether two reads name the same variable: the same local or parameter, or the same member of the same one.</summary>
    private static bool SameVariable(IOperation a, IOperation b)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            switch (a, b)
            {
                case (ILocalReferenceOperation x, ILocalReferenceOperation y):
                    return SymbolEqualityComparer.Default.Equals(x.Local, y.Local);
                case (IParameterReferenceOperation x, IParameterReferenceOperation y):
                    return SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter);
                case (IInstanceReferenceOperation, IInstanceReferenceOperation):
                    return true;
                case (IPropertyReferenceOperation x, IPropertyReferenceOperation y):
                    if (!x.Arguments.IsEmpty || !SymbolEqualityComparer.Default.Equals(x.Property, y.Property))
                        return false;
                    if (x.Instance is null || y.Instance is null)
                        return x.Instance is null && y.Instance is null;
                    (a, b) = (OperationNavigation.Unwrap(x.Instance), OperationNavigation.Unwrap(y.Instance));
                    break;
                case (IFieldReferenceOperation x, IFieldReferenceOperation y):
                    if (!SymbolEqualityComparer.Default.Equals(x.Field, y.Field))
                        return false;
                    if (x.Instance is null || y.Instance is null)
                        return x.Instance is null && y.Instance is null;
                    (a, b) = (OperationNavigation.Unwrap(x.Instance), OperationNavigation.Unwrap(y.Instance));
                    break;
                default:
                    return false;
            }
        }
        return false;
    }
}
