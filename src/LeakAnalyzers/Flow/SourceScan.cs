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
            switch (operation.Kind)
            {
                case OperationKind.Block:
                    declared.AddRange(((IBlockOperation)operation).Locals);
                    break;
                case OperationKind.CatchClause:
                    declared.AddRange(((ICatchClauseOperation)operation).Locals);
                    break;
                case OperationKind.Loop:
                    declared.AddRange(((ILoopOperation)operation).Locals);
                    break;
                case OperationKind.Using:
                    declared.AddRange(((IUsingOperation)operation).Locals);
                    break;
                case OperationKind.SwitchCase:
                    declared.AddRange(((ISwitchCaseOperation)operation).Locals);
                    break;
                case OperationKind.SwitchExpressionArm:
                    declared.AddRange(((ISwitchExpressionArmOperation)operation).Locals);
                    break;
                case OperationKind.VariableDeclarator:
                    declared.Add(((IVariableDeclaratorOperation)operation).Symbol);
                    break;
                case OperationKind.DeclarationPattern or OperationKind.RecursivePattern or OperationKind.ListPattern
                    when operation is IPatternOperation pattern && DeclaredBy(pattern) is { } patternLocal:
                    declared.Add(patternLocal);
                    break;
                case OperationKind.LocalReference:
                    var reference = (ILocalReferenceOperation)operation;
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
