using System;
using System.Collections.Generic;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>How a handler lets an error through, and what counts as handling (answering) it.</summary>
internal enum HandlerPolicy
{
    /// <summary>A catch clause: leaving the clause other than by rethrowing swallows the error.</summary>
    CatchClause,
    /// <summary>An exception filter: setting the result / marking the exception handled swallows it.</summary>
    ExceptionFilter,
    /// <summary><c>IExceptionHandler.TryHandleAsync</c>: returning anything but false swallows it.</summary>
    TryHandle,
    /// <summary>A <c>UseExceptionHandler</c> delegate: finishing normally answers the request (500 by default).</summary>
    ExceptionHandlerDelegate,
}

/// <summary>
/// Walks the control-flow graph of one handler for one deliberate exception type and says whether some path
/// swallows it. Branches whose condition is decided for that type (<see cref="ExceptionTypeTest"/>) are followed one
/// way only; a path that went through a test for that specific type handles it on purpose and is not reported.
/// </summary>
internal static class HandlerPaths
{
    public static bool Swallows(
        ControlFlowGraph graph, int first, int last, ExceptionTypeTest test, HandlerPolicy policy,
        ExceptionAliases aliases, Func<IOperation, bool>? isHandlingAction, ErrorHandlerSymbols symbols)
    {
        var visited = new HashSet<(int Ordinal, bool Narrowed)>();
        var work = new Stack<(int Ordinal, bool Narrowed)>();
        work.Push((first, false));
        while (work.Count > 0)
        {
            var state = work.Pop();
            if (!visited.Add(state))
                continue;
            var block = graph.Blocks[state.Ordinal];
            if (RethrowsThroughDispatchInfo(block, symbols))
                continue;
            if (!state.Narrowed && isHandlingAction is not null && ContainsHandlingAction(block, isHandlingAction))
                return true;

            if (block.ConditionKind == ControlFlowConditionKind.None)
            {
                if (Follow(block, block.FallThroughSuccessor, state.Narrowed))
                    return true;
                continue;
            }

            var result = test.Evaluate(block.BranchValue);
            var narrowed = state.Narrowed || result.Narrowed;
            var conditionalTaken = result.Value is not { } value || value == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
            var fallThroughTaken = result.Value is not { } value2 || value2 != (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
            if (conditionalTaken && Follow(block, block.ConditionalSuccessor, narrowed))
                return true;
            if (fallThroughTaken && Follow(block, block.FallThroughSuccessor, narrowed))
                return true;
        }
        return false;

        // Returns true when this branch swallows the error; pushes in-handler successors.
        bool Follow(BasicBlock from, ControlFlowBranch? branch, bool narrowed)
        {
            if (branch is null)
                return false;
            switch (branch.Semantics)
            {
                case ControlFlowBranchSemantics.Rethrow:
                case ControlFlowBranchSemantics.StructuredExceptionHandling:
                case ControlFlowBranchSemantics.Error:
                case ControlFlowBranchSemantics.None:
                    return false;
                case ControlFlowBranchSemantics.Throw:
                    // `throw ex;` keeps the error; `throw new X(...)` replaces it (a gRPC Internal, a wrapper: a 500).
                    return policy == HandlerPolicy.CatchClause && !narrowed && !aliases.IsException(from.BranchValue);
                case ControlFlowBranchSemantics.Return:
                    return !narrowed && LeavesHandled(from);
            }

            var destination = branch.Destination;
            if (destination is null)
                return false;
            if (destination.Kind == BasicBlockKind.Exit || destination.Ordinal < first || destination.Ordinal > last)
                return !narrowed && (policy is HandlerPolicy.CatchClause or HandlerPolicy.ExceptionHandlerDelegate);
            work.Push((destination.Ordinal, narrowed));
            return false;
        }

        bool LeavesHandled(BasicBlock from) => policy switch
        {
            HandlerPolicy.CatchClause => true,
            HandlerPolicy.ExceptionHandlerDelegate => true,
            HandlerPolicy.TryHandle => !IsFalse(from.BranchValue),
            _ => false,
        };
    }

    /// <summary><c>false</c>, <c>ValueTask.FromResult(false)</c>, <c>new ValueTask&lt;bool&gt;(false)</c>.</summary>
    private static bool IsFalse(IOperation? value)
    {
        value = ExceptionAliases.Unwrap(value);
        switch (value)
        {
            case null:
                return false;
            case IInvocationOperation { Arguments.Length: 1 } invocation:
                return IsFalse(invocation.Arguments[0].Value);
            case IObjectCreationOperation { Arguments.Length: 1 } creation:
                return IsFalse(creation.Arguments[0].Value);
            default:
                return value.ConstantValue is { HasValue: true, Value: false };
        }
    }

    private static bool ContainsHandlingAction(BasicBlock block, Func<IOperation, bool> isHandlingAction)
    {
        foreach (var operation in block.Operations)
        {
            foreach (var descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (isHandlingAction(descendant))
                    return true;
            }
        }
        return false;
    }

    /// <summary><c>ExceptionDispatchInfo.Capture(ex).Throw()</c> / <c>ExceptionDispatchInfo.Throw(ex)</c> end the path like <c>throw;</c>.</summary>
    private static bool RethrowsThroughDispatchInfo(BasicBlock block, ErrorHandlerSymbols symbols)
    {
        if (symbols.ExceptionDispatchInfo is null)
            return false;
        foreach (var operation in block.Operations)
        {
            if (operation is IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                && invocation.TargetMethod.Name == "Throw"
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.ExceptionDispatchInfo))
                return true;
        }
        return false;
    }
}
