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
/// the Development arm of a conditional expression, the <c>case "Development":</c> section of a switch on
/// <c>EnvironmentName</c> and the <c>"Development" =&gt;</c> arm of a switch expression on it. <c>else</c> of <c>IsProduction()</c> is not Development.
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
                    if (ReferenceEquals(child, conditional.WhenFalse) && FalseImpliesDevelopment(conditional.Condition, symbols))
                        return true;
                    break;
                case ICatchClauseOperation { Filter: { } filter } catchClause:
                    if (ReferenceEquals(child, catchClause.Handler) && ImpliesDevelopment(filter, symbols))
                        return true;
                    break;
                case ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } section:
                    if (IsEnvironmentName(OperationNavigation.Unwrap(switchStatement.Value), symbols) && OnlyDevelopmentLabels(section))
                        return true;
                    break;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm:
                    if (ReferenceEquals(child, arm.Value) && IsDevelopmentPattern(arm.Pattern)
                        && IsEnvironmentName(OperationNavigation.Unwrap(switchExpression.Value), symbols))
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
        Implies(condition, symbols, whenTrue: true, depth: 0);

    /// <summary>
    /// True when <paramref name="condition"/> being false means the environment is Development
    /// (<c>!env.IsDevelopment()</c>, <c>EnvironmentName != "Development"</c>). <c>IsProduction()</c> is not such a
    /// condition: not being Production says nothing about being Development.
    /// </summary>
    public static bool FalseImpliesDevelopment(IOperation condition, EnvironmentSymbols symbols) =>
        Implies(condition, symbols, whenTrue: false, depth: 0);

    /// <summary>
    /// True when <paramref name="value"/> is computed from the hosting environment (an Is*() check or EnvironmentName),
    /// directly or through a local's initializer: <c>!env.IsProduction()</c>, <c>isStaging || isDev</c>. LEAK005 uses it
    /// to tell a value that was meant as a Development switch (and may be a wrong one) from a configuration value.
    /// </summary>
    public static bool DependsOnEnvironment(IOperation value, EnvironmentSymbols symbols) =>
        !symbols.IsEmpty && DependsOnEnvironment(value, symbols, depth: 0);

    private static bool DependsOnEnvironment(IOperation value, EnvironmentSymbols symbols, int depth)
    {
        if (depth > 2)
            return false;
        foreach (var operation in OperationWalk.DescendantsAndSelf(value))
        {
            switch (operation)
            {
                case IInvocationOperation invocation when ClassifyCall(invocation, symbols) is not null:
                    return true;
                case IPropertyReferenceOperation when IsEnvironmentName(operation, symbols):
                    return true;
                case ILocalReferenceOperation local when LocalInitializer(local) is { } initializer
                                                         && DependsOnEnvironment(initializer, symbols, depth + 1):
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="operation"/> is the name "Development" (a constant or <c>Environments.Development</c>).</summary>
    public static bool IsDevelopmentName(IOperation operation) => IsDevelopmentConstant(operation);

    /// <summary>Does the condition having the value <paramref name="whenTrue"/> imply Development?</summary>
    private static bool Implies(IOperation condition, EnvironmentSymbols symbols, bool whenTrue, int depth)
    {
        if (depth > 8)
            return false;
        condition = OperationNavigation.Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, symbols, !whenTrue, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // a && b true: both true, either may imply it. a && b false: one of them false, both must imply it.
                return whenTrue
                    ? Implies(and.LeftOperand, symbols, true, depth + 1) || Implies(and.RightOperand, symbols, true, depth + 1)
                    : Implies(and.LeftOperand, symbols, false, depth + 1) && Implies(and.RightOperand, symbols, false, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return whenTrue
                    ? Implies(or.LeftOperand, symbols, true, depth + 1) && Implies(or.RightOperand, symbols, true, depth + 1)
                    : Implies(or.LeftOperand, symbols, false, depth + 1) || Implies(or.RightOperand, symbols, false, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return ImpliesByComparison(binary, symbols, whenTrue, depth);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool b } } } isPattern:
                return Implies(isPattern.Value, symbols, b ? whenTrue : !whenTrue, depth + 1);
            case ILocalReferenceOperation local:
                return LocalInitializer(local) is { } initializer && Implies(initializer, symbols, whenTrue, depth + 1);
            case IFieldReferenceOperation field:
                return ImpliedByEveryWrite(field, symbols, whenTrue, depth);
            case IInvocationOperation invocation:
                // Only a Development check (true) implies Development, and only when it is true.
                return whenTrue && ClassifyCall(invocation, symbols) == true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A class's own readonly flag set from the environment (<c>_isDevelopment = env.IsDevelopment();</c> in the
    /// constructor, or in its initializer): a check when every write to it is one. The class must be declared in the
    /// read's own file, so that no write can hide in another part of it.
    /// </summary>
    private static bool ImpliedByEveryWrite(IFieldReferenceOperation reference, EnvironmentSymbols symbols, bool whenTrue, int depth)
    {
        var field = reference.Field;
        if (field is not { IsReadOnly: true, Type.SpecialType: SpecialType.System_Boolean } || field.ContainingType is not { } type
            || reference.Instance is not (null or IInstanceReferenceOperation) || reference.SemanticModel is not { } model)
            return false;
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
                return false;
        }
        var writes = StoredFields.ValuesWrittenTo(field, tree => tree == model.SyntaxTree ? model : null, System.Threading.CancellationToken.None);
        if (writes.Count == 0)
            return false;
        foreach (var value in writes)
        {
            if (!Implies(value, symbols, whenTrue, depth + 1))
                return false;
        }
        return true;
    }

    private static bool ImpliesByComparison(IBinaryOperation binary, EnvironmentSymbols symbols, bool whenTrue, int depth)
    {
        var negated = binary.OperatorKind == BinaryOperatorKind.NotEquals;
        var left = OperationNavigation.Unwrap(binary.LeftOperand);
        var right = OperationNavigation.Unwrap(binary.RightOperand);
        // `check == true`, `check != false`, `check == false`
        if (right.ConstantValue is { HasValue: true, Value: bool rb })
            return Implies(left, symbols, rb != negated ? whenTrue : !whenTrue, depth + 1);
        if (left.ConstantValue is { HasValue: true, Value: bool lb })
            return Implies(right, symbols, lb != negated ? whenTrue : !whenTrue, depth + 1);
        // env.EnvironmentName == "Development" is Development when true; != is Development when false.
        if (IsEnvironmentName(left, symbols) && IsDevelopmentConstant(right)
            || IsEnvironmentName(right, symbols) && IsDevelopmentConstant(left))
            return whenTrue != negated;
        return false;
    }

    /// <summary>true: a Development check; false: a check of another environment; null: neither.</summary>
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
                && (IsEnvironmentName(OperationNavigation.Unwrap(a), symbols) && IsDevelopmentConstant(b) || IsEnvironmentName(OperationNavigation.Unwrap(b), symbols) && IsDevelopmentConstant(a)))
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

    private static bool IsDevelopmentConstant(IOperation operation)
    {
        operation = OperationNavigation.Unwrap(operation);
        if (ConstantValues.Text(operation) is { } text)
            return string.Equals(text, Development, StringComparison.OrdinalIgnoreCase);
        // Environments.Development (Microsoft.Extensions.Hosting) and EnvironmentName.Development (older
        // Microsoft.AspNetCore.Hosting) are static readonly fields, not constants.
        return operation is IFieldReferenceOperation { Field: { Name: Development, IsStatic: true } field }
            && (field.ContainingType.Name == "Environments" && SymbolNames.IsInNamespace(field.ContainingType, "Microsoft", "Extensions", "Hosting")
                || field.ContainingType.Name == "EnvironmentName" && SymbolNames.IsInNamespace(field.ContainingType, "Microsoft", "AspNetCore", "Hosting"));
    }

    /// <summary>
    /// A section of <c>switch (env.EnvironmentName)</c> whose every label is <c>case "Development":</c> (a <c>when</c>
    /// clause only narrows it); a section that also has <c>default:</c> or another name runs elsewhere too. C# sections
    /// do not fall through, so the section's statements run only for its own labels.
    /// </summary>
    private static bool OnlyDevelopmentLabels(ISwitchCaseOperation section)
    {
        if (section.Clauses.IsEmpty)
            return false;
        foreach (var clause in section.Clauses)
        {
            var development = clause switch
            {
                ISingleValueCaseClauseOperation single => IsDevelopmentConstant(single.Value),
                IPatternCaseClauseOperation pattern => IsDevelopmentPattern(pattern.Pattern),
                _ => false,
            };
            if (!development)
                return false;
        }
        return true;
    }

    /// <summary>The constant pattern <c>"Development"</c> (an arm's or a label's), compared as the environment name is.</summary>
    private static bool IsDevelopmentPattern(IPatternOperation pattern) =>
        pattern is IConstantPatternOperation { Value: { } value } && IsDevelopmentConstant(value);

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
                && FalseImpliesDevelopment(guard.Condition, symbols))
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
}
