using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>Which types can carry a secret as text, and which never can.</summary>
internal static class SecretTypes
{
    /// <summary>bool, numbers, enums, dates, TimeSpan, CancellationToken, SecureString (prints its type name).</summary>
    public static bool IsNeverSecret(ITypeSymbol type, SecretSourceSymbols symbols)
    {
        if (type.SpecialType == SpecialType.System_Void || DataCarryingTypes.IsPrimitiveWithoutText(type))
            return true;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0];
        foreach (var nonText in symbols.NonTextTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, nonText))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A type whose value is written as the secret's text: string, object, char/byte arrays, StringValues,
    /// StringBuilder, Guid (reset tokens and session IDs are often GUIDs), type parameters, and collections or
    /// key/value pairs of those.
    /// </summary>
    public static bool IsTextLike(ITypeSymbol? type, SecretSourceSymbols symbols, int depth = 0)
    {
        if (type is null || depth > 3)
            return false;
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
                return true;
        }
        switch (type)
        {
            case ITypeParameterSymbol:
            case IDynamicTypeSymbol:
                return true;
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte
                    || IsTextLike(array.ElementType, symbols, depth + 1);
            case INamedTypeSymbol named:
                var definition = named.OriginalDefinition;
                if (Is(definition, symbols.StringValues) || Is(definition, symbols.StringBuilder) || Is(definition, symbols.Guid))
                    return true;
                if (Is(definition, symbols.KeyValuePair))
                    return IsTextLike(named.TypeArguments[1], symbols, depth + 1);
                if (definition.SpecialType == SpecialType.System_Nullable_T)
                    return IsTextLike(named.TypeArguments[0], symbols, depth + 1);
                if (definition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    return IsTextLike(named.TypeArguments[0], symbols, depth + 1);
                foreach (var iface in symbols.Interfaces.Of(named))
                {
                    if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                        return IsTextLike(iface.TypeArguments[0], symbols, depth + 1);
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> can carry a secret into a log: text, collections of it, and objects
    /// that print their members (records, anonymous types, tuples). Plain classes print their type name.
    /// </summary>
    public static bool CanCarry(ITypeSymbol type, SecretSourceSymbols symbols, int depth = 0)
    {
        if (depth > 3 || IsNeverSecret(type, symbols))
            return false;
        if (IsTextLike(type, symbols))
            return true;
        if (type is not INamedTypeSymbol named)
            return false;
        if (named.IsAnonymousType || named.IsRecord || named.IsTupleType)
            return true;
        // A delegate carries what it returns: `Func<string> read = () => model.Password; read()`.
        if (named.DelegateInvokeMethod is { } invoke)
            return CanCarry(invoke.ReturnType, symbols, depth + 1);
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            return CanCarry(named.TypeArguments[0], symbols, depth + 1);
        var awaited = Awaited(named);
        if (!ReferenceEquals(awaited, named))
            return CanCarry(awaited, symbols, depth + 1);
        foreach (var iface in symbols.Interfaces.Of(named))
        {
            if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                return CanCarry(iface.TypeArguments[0], symbols, depth + 1);
        }
        return false;
    }

    /// <summary>T of Task&lt;T&gt; / ValueTask&lt;T&gt;, else the type itself.</summary>
    public static ITypeSymbol Awaited(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
        && SymbolNames.IsInNamespace(task, "System", "Threading", "Tasks")
            ? task.TypeArguments[0]
            : type;

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? target) =>
        target is not null && SymbolEqualityComparer.Default.Equals(type, target);
}
