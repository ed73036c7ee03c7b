using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Types whose values cannot carry a message, stack trace or secret: numbers, bool, enums, dates, Guid,
/// non-generic tasks. <c>ex.Message.Length</c>, <c>ex.StackTrace != null</c> and <c>dbEx.IsTransient</c> are safe.
/// </summary>
internal static class DataCarryingTypes
{
    public static bool CanCarryData(ITypeSymbol? type)
    {
        if (type is null)
            return true;
        // The engine asks this at every step. Reference types (strings, DTOs, exceptions: most values) carry data
        // unless they are a non-generic Task; only value types need the checks below.
        if (type.IsReferenceType)
            return !(type.Name == "Task" && type is INamedTypeSymbol { Arity: 0 } plainTask && SymbolNames.IsInNamespace(plainTask, "System", "Threading", "Tasks"));
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            type = nullable.TypeArguments[0];
        if (type.SpecialType == SpecialType.System_Void || IsPrimitiveWithoutText(type))
            return false;
        // Names first: the namespace walk only for the few that match.
        if (type is INamedTypeSymbol { IsGenericType: false, Name: "TimeSpan" or "Guid" or "DateTimeOffset" or "DateOnly" or "TimeOnly" } named
            && SymbolNames.IsInNamespace(named, "System"))
            return false;
        if (type is INamedTypeSymbol { IsGenericType: false, Name: "ValueTask" or "CancellationToken" } task
            && (SymbolNames.IsInNamespace(task, "System", "Threading", "Tasks") || SymbolNames.IsInNamespace(task, "System", "Threading")))
            return false;
        return true;
    }

    /// <summary>
    /// bool, char, every number, DateTime and enums (also as Nullable&lt;T&gt;): the values no rule treats as text.
    /// Shared by every rule; each adds its own exceptions (LEAK004 keeps Guid, which can be a token).
    /// </summary>
    public static bool IsPrimitiveWithoutText(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            type = nullable.TypeArguments[0];
        if (type.TypeKind == TypeKind.Enum)
            return true;
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
            case SpecialType.System_DateTime:
                return true;
            default:
                return false;
        }
    }
}
