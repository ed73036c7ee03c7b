using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>The type of the items a <c>foreach</c> takes from its collection (what <c>var (key, value)</c> takes apart).</summary>
internal static class ForEachItems
{
    /// <summary>
    /// The element type the compiler chose (the enumerator's <c>Current</c>, before any conversion to the loop
    /// variables). Operations do not expose it, so it comes from the loop's semantic model; null when there is none.
    /// </summary>
    public static ITypeSymbol? ItemType(IForEachLoopOperation loop) =>
        loop.SemanticModel is { } model && loop.Syntax is CommonForEachStatementSyntax statement
            ? model.GetForEachStatementInfo(statement).ElementType
            : null;
}
