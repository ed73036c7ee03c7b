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
                    if (ReferenceEquals(child, conditional.WhenFalse) && ImpliesDevelopmentWhenFalse(conditional.Condition, symbols))
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
        Entails(condition, conditionValue: true, wantDevelopment: true, symbols, depth: 0);

    /// <summary>True when <paramref name="condition"/> being true means the environment is not Development.</summary>
    public static bool ImpliesNotDevelopment(IOperation condition, EnvironmentSymbols symbols) =>
        Entails(condition, conditionValue: true, wantDevelopment: false, symbols, depth: 0);

    /// <summary>
    /// True when <paramref name="condition"/> being false means the environment is Development: what an <c>else</c>
    /// arm or the code after <c>if (condition) return;</c> needs. Not the same as <see cref="ImpliesNotDevelopment"/>:
    /// <c>IsProduction()</c> being true excludes Development, but it being false leaves Staging and every other name.
    /// </summary>
    public static bool ImpliesDevelopmentWhenFalse(IOperation condition, EnvironmentSymbols symbols) =>
        Entails(condition, conditionValue: false, wantDevelopment: true, symbols, depth: 0);

    /// <summary>
    /// True when <paramref name="value"/> is computed from the hosting environment (an Is*() check or EnvironmentName),
    /// directly or through a local's initializer: <c>!env.IsProduction()</c>, <c>isStaging || isDev</c>.
    /// </summary>
    public static bool DependsOnEnvironment(IOperation value, EnvironmentSymbols symbols) =>
        !symbols.IsEmpty && DependsOnEnvironment(value, symbols, depth: 0);

    private static bool DependsOnEnvironment(IOperation value, EnvironmentSymbols symbols, int depth)
    {
        if (depth > 2)
            return false;
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when ClassifyCall(invocation, symbols) != EnvironmentCheck.None:
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

    /// <summary>What a single check tells about the environment when it is true.</summary>
    private enum EnvironmentCheck
    {
        /// <summary>Not an environment check.</summary>
        None,

        /// <summary>True exactly when the environment is Development (<c>IsDevelopment()</c>).</summary>
        Development,

        /// <summary>True only outside Development, false says nothing (<c>IsProduction()</c>, <c>IsStaging()</c>).</summary>
        OtherEnvironment,
    }

    /// <summary>
    /// Whether knowing that <paramref name="condition"/> evaluated to <paramref name="conditionValue"/> entails that the
    /// environment is (<paramref name="wantDevelopment"/> true) or is not (false) Development.
    /// </summary>
    private static bool Entails(IOperation condition, bool conditionValue, bool wantDevelopment, EnvironmentSymbols symbols, int depth)
    {
        if (depth > 8)
            return false;
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Entails(not.Operand, !conditionValue, wantDevelopment, symbols, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // a && b true: both are true, either is enough. False: one of them is false, both must entail.
                return conditionValue
                    ? Entails(and.LeftOperand, true, wantDevelopment, symbols, depth + 1) || Entails(and.RightOperand, true, wantDevelopment, symbols, depth + 1)
                    : Entails(and.LeftOperand, false, wantDevelopment, symbols, depth + 1) && Entails(and.RightOperand, false, wantDevelopment, symbols, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return conditionValue
                    ? Entails(or.LeftOperand, true, wantDevelopment, symbols, depth + 1) && Entails(or.RightOperand, true, wantDevelopment, symbols, depth + 1)
                    : Entails(or.LeftOperand, false, wantDevelopment, symbols, depth + 1) || Entails(or.RightOperand, false, wantDevelopment, symbols, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return EntailsByComparison(binary, conditionValue, wantDevelopment, symbols, depth);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool b } } } isPattern:
                // `x is b` evaluated to v means x == (b == v).
                return Entails(isPattern.Value, b == conditionValue, wantDevelopment, symbols, depth + 1);
            case ILocalReferenceOperation local:
                return LocalInitializer(local) is { } initializer && Entails(initializer, conditionValue, wantDevelopment, symbols, depth + 1);
            case IInvocationOperation invocation:
                return EntailsByCheck(ClassifyCall(invocation, symbols), conditionValue, wantDevelopment);
            default:
                return false;
        }
    }

    private static bool EntailsByCheck(EnvironmentCheck check, bool conditionValue, bool wantDevelopment) => check switch
    {
        EnvironmentCheck.Development => conditionValue == wantDevelopment,
        EnvironmentCheck.OtherEnvironment => conditionValue && !wantDevelopment,
        _ => false,
    };

    private static bool EntailsByComparison(IBinaryOperation binary, bool conditionValue, bool wantDevelopment, EnvironmentSymbols symbols, int depth)
    {
        var negated = binary.OperatorKind == BinaryOperatorKind.NotEquals;
        var left = Unwrap(binary.LeftOperand);
        var right = Unwrap(binary.RightOperand);
        // `check == true`, `check != false`, `check == false`: the check's own value follows from the comparison's.
        if (right.ConstantValue is { HasValue: true, Value: bool rb })
            return Entails(left, (rb == conditionValue) != negated, wantDevelopment, symbols, depth + 1);
        if (left.ConstantValue is { HasValue: true, Value: bool lb })
            return Entails(right, (lb == conditionValue) != negated, wantDevelopment, symbols, depth + 1);
        // env.EnvironmentName == "Development" (or == "Production", which only excludes Development)
        var check = IsEnvironmentName(left, symbols) ? ClassifyName(right, symbols)
            : IsEnvironmentName(right, symbols) ? ClassifyName(left, symbols)
            : EnvironmentCheck.None;
        return EntailsByCheck(check, conditionValue != negated, wantDevelopment);
    }

    /// <summary>What comparing the environment name with <paramref name="operation"/> tells.</summary>
    private static EnvironmentCheck ClassifyName(IOperation operation, EnvironmentSymbols symbols) =>
        EnvironmentNameValue(operation, symbols) is not { } text ? EnvironmentCheck.None
        : string.Equals(text, Development, StringComparison.OrdinalIgnoreCase) ? EnvironmentCheck.Development
        : EnvironmentCheck.OtherEnvironment;

    /// <summary>
    /// The environment name <paramref name="operation"/> stands for: a string constant, or one of the static readonly
    /// fields of <c>Environments</c> (which are not constants); null when it is neither.
    /// </summary>
    public static string? EnvironmentNameValue(IOperation operation, EnvironmentSymbols symbols)
    {
        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
            return constant;
        return operation is IFieldReferenceOperation { Field: { IsStatic: true } field }
               && field.ContainingType is { } type
               && symbols.NameFieldTypes.Contains(type.OriginalDefinition)
            ? field.Name
            : null;
    }

    private static EnvironmentCheck ClassifyCall(IInvocationOperation invocation, EnvironmentSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is { } type && symbols.ExtensionTypes.Contains(type.OriginalDefinition))
        {
            switch (method.Name)
            {
                case "IsDevelopment":
                    return EnvironmentCheck.Development;
                case "IsProduction" or "IsStaging":
                    return EnvironmentCheck.OtherEnvironment;
                case "IsEnvironment" when invocation.Arguments.Length == 2:
                    return ClassifyName(invocation.Arguments[1].Value, symbols);
            }
            return EnvironmentCheck.None;
        }
        // string.Equals(env.EnvironmentName, "Development", ...) and env.EnvironmentName.Equals("Development")
        if (method.Name == "Equals" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            var operands = invocation.Instance is { } instance
                ? (instance, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null,
                   invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null);
            if (operands.Item1 is { } a && operands.Item2 is { } b)
            {
                if (IsEnvironmentName(Unwrap(a), symbols))
                    return ClassifyName(b, symbols);
                if (IsEnvironmentName(Unwrap(b), symbols))
                    return ClassifyName(a, symbols);
            }
        }
        return EnvironmentCheck.None;
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
                && ImpliesDevelopmentWhenFalse(guard.Condition, symbols))
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
