using System;
using System.Collections.Generic;
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
            switch (operation)
            {
                case IBlockOperation block:
                    declared.AddRange(block.Locals);
                    break;
                case ICatchClauseOperation clause:
                    declared.AddRange(clause.Locals);
                    break;
                case ILoopOperation loop:
                    declared.AddRange(loop.Locals);
                    break;
                case IUsingOperation usingOperation:
                    declared.AddRange(usingOperation.Locals);
                    break;
                case ISwitchCaseOperation switchCase:
                    declared.AddRange(switchCase.Locals);
                    break;
                case ISwitchExpressionArmOperation arm:
                    declared.AddRange(arm.Locals);
                    break;
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
