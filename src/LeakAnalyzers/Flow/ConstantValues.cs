using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Constant checks that do not build a string constant's value. <see cref="IOperation.ConstantValue"/> hands out the
/// value itself, even when only <c>HasValue</c> is read, and Roslyn builds a string constant's value on its first read
/// and keeps it behind a new <c>WeakReference</c> (an object and a GC handle per literal). The rules ask this of every
/// message template, every text given to a response and most values they evaluate, nearly all of them string
/// literals: a literal is known to be constant by its kind, and its text is the token's value, which the parser already holds.
/// </summary>
internal static class ConstantValues
{
    /// <summary>
    /// Whether <paramref name="operation"/> has a constant value. Literals, <c>nameof</c> and reads of <c>const</c>
    /// fields and locals (message templates and routes are often constants) answer by their kind and symbol.
    /// </summary>
    public static bool IsConstant(IOperation operation) => IsConstant(operation, operation.Kind);

    /// <summary><see cref="IsConstant(IOperation)"/> for a caller that has read the kind already.</summary>
    public static bool IsConstant(IOperation operation, OperationKind kind) => kind switch
    {
        OperationKind.Literal or OperationKind.NameOf => true,
        OperationKind.FieldReference when ((IFieldReferenceOperation)operation).Field.IsConst => true,
        OperationKind.LocalReference when ((ILocalReferenceOperation)operation).Local.IsConst => true,
        _ => operation.ConstantValue.HasValue,
    };

    /// <summary>The value of a constant string (a literal, a <c>const</c>, a constant concatenation), or null.</summary>
    public static string? Text(IOperation operation)
    {
        if (operation.Kind == OperationKind.Literal && operation.Syntax is LiteralExpressionSyntax literal)
            // The token's value, not its ValueText: that formats the value through Convert.ToString (an interface cast
            // and an interface call per read).
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.Value as string : null;
        return operation.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }
}
