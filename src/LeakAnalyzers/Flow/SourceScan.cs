using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
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
/// <remarks>The oracle is given the operation's kind and type, already read by the scan.</remarks>
internal static class SourceScan
{
    public static bool IsSourceFree(IOperation root, SourceOracle mayOriginate)
    {
        // A block declares a handful of locals: a list beats hashing symbols. One list per thread, not one per scan.
        var declared = ThreadSpare<List<ILocalSymbol>>.Take() ?? new List<ILocalSymbol>();
        try
        {
            foreach (var operation in OperationWalk.DescendantsAndSelf(root))
            {
                if (!Visit(operation, declared, mayOriginate))
                    return false;
            }
            return true;
        }
        finally
        {
            declared.Clear();
            ThreadSpare<List<ILocalSymbol>>.Give(declared);
        }
    }

    /// <summary>Records what <paramref name="operation"/> declares; false when it may bring sensitive data in.</summary>
    private static bool Visit(IOperation operation, List<ILocalSymbol> declared, SourceOracle mayOriginate)
    {
        // One switch on the kind: most operations declare and read nothing and are let through by it. The kind and the
        // type are read once and handed on: each is an interface call on an operation of any of a hundred classes.
        var kind = operation.Kind;
        switch (kind)
        {
            // Constants (every message template and response text) declare nothing and bring nothing in.
            case OperationKind.Literal:
                return true;
            // Scopes: they declare locals and have no value of their own.
            case OperationKind.Block or OperationKind.CatchClause or OperationKind.Loop or OperationKind.Using
                or OperationKind.SwitchCase or OperationKind.SwitchExpressionArm:
                AddAll(declared, ScopedLocals(operation));
                return true;
            case OperationKind.VariableDeclarator:
                declared.Add(((IVariableDeclaratorOperation)operation).Symbol);
                return true;
            case OperationKind.DeclarationPattern or OperationKind.RecursivePattern or OperationKind.ListPattern:
                if (OperationNavigation.PatternLocal((IPatternOperation)operation) is { } patternLocal)
                    declared.Add(patternLocal);
                return true;
            case OperationKind.LocalReference:
                var reference = (ILocalReferenceOperation)operation;
                if (reference.IsDeclaration)
                    declared.Add(reference.Local);
                else if (!Contains(declared, reference.Local))
                    return false;
                break;
        }
        // Only operations with a type are asked: a source is a value, an invocation (a void one has a type too) or a
        // member reference; the statements, arguments and declarations in between have none.
        return operation.Type is not { } type || !mayOriginate(operation, kind, type);
    }

    /// <summary>
    /// The locals a scope operation (one of the kinds <see cref="Visit"/> sends here) declares. By the kind, like
    /// <see cref="Visit"/>: a type pattern would test up to six interfaces per scope.
    /// </summary>
    private static ImmutableArray<ILocalSymbol> ScopedLocals(IOperation scope) => scope.Kind switch
    {
        OperationKind.Block => ((IBlockOperation)scope).Locals,
        OperationKind.CatchClause => ((ICatchClauseOperation)scope).Locals,
        OperationKind.Loop => ((ILoopOperation)scope).Locals,
        OperationKind.Using => ((IUsingOperation)scope).Locals,
        OperationKind.SwitchCase => ((ISwitchCaseOperation)scope).Locals,
        OperationKind.SwitchExpressionArm => ((ISwitchExpressionArmOperation)scope).Locals,
        _ => ImmutableArray<ILocalSymbol>.Empty,
    };

    /// <summary>A foreach over the ImmutableArray itself: AddRange would box it.</summary>
    private static void AddAll(List<ILocalSymbol> declared, ImmutableArray<ILocalSymbol> locals)
    {
        foreach (var local in locals)
            declared.Add(local);
    }

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
