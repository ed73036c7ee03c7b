using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>
/// The names a tuple's or deconstructed value's elements go by: what makes <c>creds.Item2</c> of a
/// <c>(string User, string Password)</c>, or the second local of <c>var (user, pwd) = login</c>, a password.
/// </summary>
internal static class ElementNames
{
    /// <summary>
    /// The name and type of element <paramref name="index"/> when <paramref name="type"/> is deconstructed: a tuple's
    /// element name (written or inferred, not <c>ItemN</c>), or the out parameter of the type's only
    /// <c>Deconstruct</c> method (records, <c>KeyValuePair</c>). Null when the element has no name to go by.
    /// </summary>
    public static (string Name, ITypeSymbol Type)? Of(ITypeSymbol? type, int index)
    {
        if (type is not INamedTypeSymbol named)
            return null;
        if (named.IsTupleType)
        {
            var elements = named.TupleElements;
            return index < elements.Length && IsNamed(elements[index], index) ? (elements[index].Name, elements[index].Type) : null;
        }
        IMethodSymbol? deconstruct = null;
        foreach (var member in named.GetMembers("Deconstruct"))
        {
            if (member is not IMethodSymbol { IsStatic: false } method)
                continue;
            if (deconstruct is not null)
                return null; // overloads: which one the deconstruction calls is not known here
            deconstruct = method;
        }
        return deconstruct is not null && index < deconstruct.Parameters.Length && deconstruct.Parameters[index].RefKind == RefKind.Out
            ? (deconstruct.Parameters[index].Name, deconstruct.Parameters[index].Type)
            : null;
    }

    /// <summary>The name a tuple field read goes by: <c>Item2</c> of <c>(string User, string Password)</c> is "Password".</summary>
    public static string NameOf(IFieldSymbol field)
    {
        if (field.ContainingType is not { IsTupleType: true } tuple || field.CorrespondingTupleField is not { } position)
            return field.Name;
        var elements = tuple.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, position))
                return IsNamed(elements[i], i) ? elements[i].Name : field.Name;
        }
        return field.Name;
    }

    private static bool IsNamed(IFieldSymbol element, int index) => element.Name != "Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
