using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// What a rule considers sensitive. The <see cref="TaintEngine"/> owns propagation (locals, string building,
/// object and collection construction, helper methods, lambdas); a policy only says where data starts and stops.
/// </summary>
internal interface ITaintPolicy
{
    /// <summary>False for types that cannot carry the sensitive data (numbers, bool, enums, dates...).</summary>
    bool CanCarry(ITypeSymbol? type);

    /// <summary>
    /// A final answer for <paramref name="operation"/> when the policy knows it: a source (tainted), or
    /// <see cref="Taint.Clean"/> for sanitizers and for values already reported at their own sink. Null lets
    /// the engine propagate through the operation.
    /// </summary>
    Taint? Classify(IOperation operation);

    /// <summary>
    /// A final answer for element <paramref name="index"/> of a deconstructed value the engine cannot take apart (a
    /// call to external code, a parameter, a record): by the element's name, say. Null counts the whole value.
    /// <paramref name="type"/> is the type taken apart: the value's own, or for <c>foreach (var (key, value) in
    /// pairs)</c> the item type of the collection <paramref name="value"/>.
    /// </summary>
    Taint? ClassifyElement(IOperation value, ITypeSymbol? type, int index);
}
