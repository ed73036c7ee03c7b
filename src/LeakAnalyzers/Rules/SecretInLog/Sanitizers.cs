using System;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>
/// Values that no longer carry the secret: results of cryptographic hashes (System.Security.Cryptography), of
/// methods named for masking (<see cref="SecretSourceCatalogue.SanitizerNameFragments"/>) or listed in
/// <c>sanitizer_methods</c>, and short slices — at most 4 trailing characters (<c>card[^4..]</c>,
/// <c>card.Substring(card.Length - 4)</c>) or 8 leading ones (<c>key[..8]</c>, <c>key.Substring(0, 8)</c>).
/// </summary>
internal static class Sanitizers
{
    public static bool IsSanitized(IOperation value, SecretInLogOptions options) => value.Kind switch
    {
        OperationKind.Invocation => (IInvocationOperation)value is var invocation && (IsSanitizer(invocation.TargetMethod, options) || IsShortSubstring(invocation)),
        OperationKind.ImplicitIndexerReference => IsShortRange(((IImplicitIndexerReferenceOperation)value).Argument),
        _ => false,
    };

    private static bool IsSanitizer(IMethodSymbol method, SecretInLogOptions options)
    {
        if (options.IsConfiguredSanitizer(method))
            return true;
        foreach (var fragment in SecretSourceCatalogue.SanitizerNameFragments)
        {
            if (method.Name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        var ns = method.ContainingType?.ContainingNamespace;
        return ns is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }

    /// <summary><c>s.Substring(0, n)</c> with n ≤ 8, or <c>s.Substring(s.Length - n)</c> with n ≤ 4.</summary>
    private static bool IsShortSubstring(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "Substring", ContainingType.SpecialType: SpecialType.System_String })
            return false;
        var arguments = invocation.Arguments;
        if (arguments.Length == 2)
            return IsConstant(arguments[0].Value, 0) && ConstantAtMost(arguments[1].Value, SecretSourceCatalogue.MaxLeadingSlice);
        return arguments.Length == 1 && IsLengthMinus(arguments[0].Value, SecretSourceCatalogue.MaxTrailingSlice);
    }

    /// <summary><c>s[^n..]</c> with n ≤ 4, <c>s[..n]</c> / <c>s[0..n]</c> with n ≤ 8.</summary>
    private static bool IsShortRange(IOperation argument)
    {
        if (Strip(argument) is not IRangeOperation range)
            return false;
        if (range.RightOperand is null && range.LeftOperand is { } left && Strip(left) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat)
            return ConstantAtMost(hat.Operand, SecretSourceCatalogue.MaxTrailingSlice);
        if (range.RightOperand is { } right && (range.LeftOperand is null || IsConstant(Strip(range.LeftOperand), 0)))
            return Strip(right) is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } && ConstantAtMost(Strip(right), SecretSourceCatalogue.MaxLeadingSlice);
        return false;
    }

    private static bool IsLengthMinus(IOperation value, int max) =>
        Strip(value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } subtract
        && Strip(subtract.LeftOperand) is IPropertyReferenceOperation { Property.Name: "Length" }
        && ConstantAtMost(subtract.RightOperand, max);

    private static bool IsConstant(IOperation value, int expected) =>
        value.ConstantValue is { HasValue: true, Value: int actual } && actual == expected;

    private static bool ConstantAtMost(IOperation value, int max) =>
        Strip(value).ConstantValue is { HasValue: true, Value: int actual } && actual >= 0 && actual <= max;

    // Any conversion, user-defined included: int converts to System.Index through an operator.
    private static IOperation Strip(IOperation value) =>
        value is IConversionOperation conversion ? Strip(conversion.Operand) : value;
}
