using System;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Decides whether code only runs in the Development environment, from the operation tree (control flow shape),
/// not from text nearby: the true arm of <c>if (env.IsDevelopment())</c>, the false arm of a negated check,
/// statements after <c>if (!env.IsDevelopment()) return;</c>, a catch clause filtered <c>when (env.IsDevelopment())</c>,
/// the Development arm of a conditional expression. <c>else</c> of <c>IsProduction()</c> is not Development.
/// </summary>
internal static class DevelopmentGuards
{
    private const string Development = "Development";

    /// <summary>True when <paramref name="operation"/> can only execute in the Development environment.</summary>
    public static bool IsInDevelopmentOnlyRegion(IOperation operation, EnvironmentSymbols symbols)
    {
        if (symbols.IsEmpty)
            return false;
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation conditional:
                    if (ReferenceEquals(child, conditional.WhenTrue) && ImpliesDevelopment(conditional.Condition, symbols))
                        return true;
                    if (ReferenceEquals(child, conditional.WhenFalse) && ImpliesNotDevelopment(conditional.Condition, symbols))
                        return true;
                    break;
                case ICatchClauseOperation { Filter: { } filter } catchClause:
                    if (ReferenceEquals(child, catchClause.Handler) && ImpliesDevelopment(filter, symbols))
                        return true;
                    break;
                case IBlockOperation block:
                    if (FollowsEarlyExitOutsideDevelopment(block, child, symbols))
                        return true;
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // A lambda body runs when the lambda is invoked, not where it is declared: the guard
                    // search continues outward, which is right for the common `if (dev) app.Use(...)` shape.
                    break;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="condition"/> being true means the environment is Development.</summary>
    public static bool ImpliesDevelopment(IOperation condition, EnvironmentSymbols symbols) =>
        Implies(condition, symbols, wantDevelopment: true, depth: 0);

    /// <summary>True when <paramref name="condition"/> being true means the environment is not Development.</summary>
    public static bool ImpliesNotDevelopment(IOperation condition, EnvironmentSymbols symbols) =>
        Implies(condition, symbols, wantDevelopment: false, depth: 0);

    private static bool Implies(IOperation condition, EnvironmentSymbols symbols, bool wantDevelopment, int depth)
    {
        if (depth > 8)
            return false;
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, symbols, !wantDevelopment, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // a && b is true only when both are: either side is enough to imply.
                return Implies(and.LeftOperand, symbols, wantDevelopment, depth + 1)
                    || Implies(and.RightOperand, symbols, wantDevelopment, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return Implies(or.LeftOperand, symbols, wantDevelopment, depth + 1)
                    && Implies(or.RightOperand, symbols, wantDevelopment, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return ImpliesByComparison(binary, symbols, wantDevelopment, depth);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool b } } } isPattern:
                return Implies(isPattern.Value, symbols, b ? wantDevelopment : !wantDevelopment, depth + 1);
            case ILocalReferenceOperation local:
                return LocalInitializer(local) is { } initializer && Implies(initializer, symbols, wantDevelopment, depth + 1);
            case IInvocationOperation invocation:
                return ClassifyCall(invocation, symbols) is { } isDevelopment && isDevelopment == wantDevelopment;
            default:
                return false;
        }
    }

    private static bool ImpliesByComparison(IBinaryOperation binary, EnvironmentSymbols symbols, bool wantDevelopment, int depth)
    {
        var negated = binary.OperatorKind == BinaryOperatorKind.NotEquals;
        var left = Unwrap(binary.LeftOperand);
        var right = Unwrap(binary.RightOperand);
        // `check == true`, `check != false`, `check == false`
        if (right.ConstantValue is { HasValue: true, Value: bool rb })
            return Implies(left, symbols, rb != negated ? wantDevelopment : !wantDevelopment, depth + 1);
        if (left.ConstantValue is { HasValue: true, Value: bool lb })
            return Implies(right, symbols, lb != negated ? wantDevelopment : !wantDevelopment, depth + 1);
        // env.EnvironmentName == "Development"
        if (IsEnvironmentName(left, symbols) && IsDevelopmentConstant(right)
            || IsEnvironmentName(right, symbols) && IsDevelopmentConstant(left))
            return wantDevelopment != negated;
        return false;
    }

    /// <summary>true: a Development check; false: a check that excludes Development; null: neither.</summary>
    private static bool? ClassifyCall(IInvocationOperation invocation, EnvironmentSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is { } type && symbols.ExtensionTypes.Contains(type.OriginalDefinition))
        {
            switch (method.Name)
            {
                case "IsDevelopment":
                    return true;
                case "IsProduction" or "IsStaging":
                    return false;
                case "IsEnvironment" when invocation.Arguments.Length == 2:
                    return IsDevelopmentConstant(invocation.Arguments[1].Value) ? true : null;
            }
            return null;
        }
        // string.Equals(env.EnvironmentName, "Development", ...) and env.EnvironmentName.Equals("Development")
        if (method.Name == "Equals" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            var operands = invocation.Instance is { } instance
                ? (instance, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null,
                   invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null);
            if (operands.Item1 is { } a && operands.Item2 is { } b
                && (IsEnvironmentName(Unwrap(a), symbols) && IsDevelopmentConstant(b) || IsEnvironmentName(Unwrap(b), symbols) && IsDevelopmentConstant(a)))
                return true;
        }
        return null;
    }

    private static bool IsEnvironmentName(IOperation operation, EnvironmentSymbols symbols) =>
        operation is IPropertyReferenceOperation { Property: { Name: "EnvironmentName" } property }
        && property.ContainingType is { } type
        && (symbols.EnvironmentTypes.Contains(type.OriginalDefinition) || ImplementsAny(type, symbols));

    private static bool ImplementsAny(INamedTypeSymbol type, EnvironmentSymbols symbols)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (symbols.EnvironmentTypes.Contains(candidate.OriginalDefinition))
                return true;
        }
        return false;
    }

    private static bool IsDevelopmentConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: string text }
        && string.Equals(text, Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// `if (!env.IsDevelopment()) return;` (or throw) earlier in the same block: everything after it is Development-only.
    /// </summary>
    private static bool FollowsEarlyExitOutsideDevelopment(IBlockOperation block, IOperation child, EnvironmentSymbols symbols)
    {
        foreach (var statement in block.Operations)
        {
            if (ReferenceEquals(statement, child))
                return false;
            if (statement is IConditionalOperation { WhenFalse: null } guard
                && AlwaysExits(guard.WhenTrue)
                && ImpliesNotDevelopment(guard.Condition, symbols))
                return true;
        }
        return false;
    }

    private static bool AlwaysExits(IOperation operation)
    {
        while (operation is IBlockOperation { Operations.Length: > 0 } block)
            operation = block.Operations[block.Operations.Length - 1];
        return operation is IReturnOperation
            || operation is IThrowOperation
            || operation is IExpressionStatementOperation { Operation: IThrowOperation };
    }

    /// <summary>The initializer of a local such as <c>var isDev = env.IsDevelopment();</c>, if it has one.</summary>
    public static IOperation? LocalInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
            return null;
        if (local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
            && value.SyntaxTree == model.SyntaxTree)
            return model.GetOperation(value);
        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
