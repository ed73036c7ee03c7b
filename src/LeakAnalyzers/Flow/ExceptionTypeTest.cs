using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// What a condition is for an exception of one given type: true, false or unknown (<see cref="Value"/> null), and
/// whether the outcome comes from a test for that specific type (<see cref="Narrowed"/>): code reached only through
/// such a test handles the type on purpose (<c>if (ex is NotFoundException) { ...404... }</c>).
/// </summary>
internal readonly struct TypeTestResult
{
    public static readonly TypeTestResult Unknown = default;
    public static readonly TypeTestResult True = new(true, false);
    public static readonly TypeTestResult False = new(false, false);

    public TypeTestResult(bool? value, bool narrowed)
    {
        Value = value;
        Narrowed = narrowed && value.HasValue;
    }

    public bool? Value { get; }
    public bool Narrowed { get; }
    public bool IsTrue => Value == true;
    public bool IsFalse => Value == false;

    public TypeTestResult Not() => new(!Value, Narrowed);

    public static TypeTestResult And(TypeTestResult a, TypeTestResult b)
    {
        if (a.IsFalse || b.IsFalse)
            return new(false, (a.IsFalse && a.Narrowed) || (b.IsFalse && b.Narrowed));
        if (a.IsTrue && b.IsTrue)
            return new(true, a.Narrowed || b.Narrowed);
        return Unknown;
    }

    public static TypeTestResult Or(TypeTestResult a, TypeTestResult b) => And(a.Not(), b.Not()).Not();
}

/// <summary>
/// Three-valued evaluation of conditions (<c>when</c> filters, <c>if</c>s, switch cases) for a handled exception of a
/// known type: <c>ex is T</c>, <c>ex is not (A or B)</c>, <c>!(ex is T)</c>, <c>&amp;&amp;</c>/<c>||</c>, and
/// <c>RequestAborted.IsCancellationRequested</c> (true for the aborted-request <c>OperationCanceledException</c>).
/// </summary>
internal readonly struct ExceptionTypeTest
{
    private readonly ITypeSymbol _type;
    private readonly ExceptionAliases _aliases;
    private readonly DeliberateErrorTypes _types;

    public ExceptionTypeTest(ITypeSymbol type, ExceptionAliases aliases, DeliberateErrorTypes types)
    {
        _type = type;
        _aliases = aliases;
        _types = types;
    }

    public TypeTestResult Evaluate(IOperation? condition)
    {
        switch (condition)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand).Not();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return TypeTestResult.And(Evaluate(and.LeftOperand), Evaluate(and.RightOperand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return TypeTestResult.Or(Evaluate(or.LeftOperand), Evaluate(or.RightOperand));
            case IIsTypeOperation isType when _aliases.IsException(isType.ValueOperand):
                var result = Test(isType.TypeOperand);
                return isType.IsNegated ? result.Not() : result;
            case IIsPatternOperation isPattern when _aliases.IsException(isPattern.Value):
                return EvaluatePattern(isPattern.Pattern);
            case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested", Instance: IPropertyReferenceOperation { Property.Name: "RequestAborted" } }:
                return SymbolEqualityComparer.Default.Equals(_type, _types.OperationCanceled) ? new TypeTestResult(true, narrowed: true) : TypeTestResult.Unknown;
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool value } }:
                return value ? TypeTestResult.True : TypeTestResult.False;
            default:
                return TypeTestResult.Unknown;
        }
    }

    /// <summary>What <paramref name="pattern"/> is for the handled exception, when it is matched against it.</summary>
    public TypeTestResult EvaluatePattern(IPatternOperation pattern)
    {
        switch (pattern)
        {
            case ITypePatternOperation typePattern:
                return Test(typePattern.MatchedType);
            case IDeclarationPatternOperation declaration:
                return declaration.MatchesNull ? TypeTestResult.True : Test(declaration.MatchedType);
            case IRecursivePatternOperation recursive:
                var typeResult = Test(recursive.MatchedType);
                var hasSubpatterns = !recursive.PropertySubpatterns.IsEmpty || !recursive.DeconstructionSubpatterns.IsEmpty;
                return hasSubpatterns && !typeResult.IsFalse ? TypeTestResult.Unknown : typeResult;
            case INegatedPatternOperation negated:
                return EvaluatePattern(negated.Pattern).Not();
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                return TypeTestResult.And(EvaluatePattern(and.LeftPattern), EvaluatePattern(and.RightPattern));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return TypeTestResult.Or(EvaluatePattern(or.LeftPattern), EvaluatePattern(or.RightPattern));
            case IDiscardPatternOperation:
                return TypeTestResult.True;
            default:
                return TypeTestResult.Unknown;
        }
    }

    /// <summary>Is an exception of the tested type (or any subtype) an instance of <paramref name="matched"/>?</summary>
    private TypeTestResult Test(ITypeSymbol? matched)
    {
        if (matched is null)
            return TypeTestResult.Unknown;
        if (TypeRelations.DerivesFromOrEquals(_type, matched))
        {
            // `ex is Exception` says nothing about the specific type.
            return SymbolEqualityComparer.Default.Equals(matched, _types.Exception) || matched.SpecialType == SpecialType.System_Object
                ? TypeTestResult.True
                : new TypeTestResult(true, narrowed: true);
        }
        if (TypeRelations.DerivesFromOrEquals(matched, _type) || matched.TypeKind != TypeKind.Class)
            return TypeTestResult.Unknown;
        // Unrelated type: false, but the other branch is not specific to the tested type.
        return TypeTestResult.False;
    }
}
