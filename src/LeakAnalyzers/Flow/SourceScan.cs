using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Whether the engine could find sensitive data while evaluating the locals a block declares. It could through an
/// operation the rule calls a possible source (its sources, and calls into bodies the engine would follow), or through
/// a read of a local the block does not declare (an outer local has writes elsewhere). The walk is in source order, so
/// a declaration is met before its reads; a declaration form not listed here only makes the scan give up (the block is
/// then evaluated as before), never miss a source.
/// </summary>
internal static class SourceScan
{
    public static bool IsSourceFree(IOperation root, Func<IOperation, bool> mayOriginate)
    {
        // A block declares a handful of locals: a list beats hashing symbols.
        var declared = new List<ILocalSymbol>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            // A foreach over the ImmutableArray itself: AddRange would box it for every operation.
            foreach (var local in ScopedLocals(operation))
                declared.Add(local);
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    declared.Add(declarator.Symbol);
                    break;
                case IPatternOperation pattern when DeclaredBy(pattern) is { } patternLocal:
                    declared.Add(patternLocal);
                    break;
                case ILocalReferenceOperation reference:
                    if (reference.IsDeclaration)
                        declared.Add(reference.Local);
                    else if (!Contains(declared, reference.Local))
                        return false;
                    break;
            }
            if (mayOriginate(operation))
                return false;
        }
        return true;
    }

    /// <summary>The locals an operation opens a scope for (a block, catch clause, loop, using, switch section or arm).</summary>
    private static ImmutableArray<ILocalSymbol> ScopedLocals(IOperation operation) => operation switch
    {
        IBlockOperation block => block.Locals,
        ICatchClauseOperation clause => clause.Locals,
        ILoopOperation loop => loop.Locals,
        IUsingOperation usingOperation => usingOperation.Locals,
        ISwitchCaseOperation switchCase => switchCase.Locals,
        ISwitchExpressionArmOperation arm => arm.Locals,
        _ => ImmutableArray<ILocalSymbol>.Empty,
    };

    private static ILocalSymbol? DeclaredBy(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

    private static bool Contains(List<ILocalSymbol> declared, ILocalSymbol local)
    {
        foreach (var candidate in declared)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
                return true;
        }
        return false;
    }
}
