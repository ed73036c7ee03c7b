using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds the control-flow graph of the function (method, lambda, local function) that owns an operation, and the
/// handler region of a catch clause within it.
/// </summary>
internal static class FunctionGraphs
{
    /// <summary>The innermost lambda or local function around <paramref name="operation"/>, or null for the member body.</summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                return current;
        }
        return null;
    }

    /// <summary>The graph of <paramref name="function"/> (null: the member body), navigated down from the root graph.</summary>
    public static ControlFlowGraph? GraphOf(ControlFlowGraph root, IOperation? function, CancellationToken cancellationToken)
    {
        if (function is null)
            return root;
        var chain = new List<IOperation>();
        for (IOperation? current = function; current is not null; current = EnclosingFunction(current))
            chain.Add(current);
        var graph = root;
        for (var i = chain.Count - 1; i >= 0 && graph is not null; i--)
        {
            switch (chain[i])
            {
                case ILocalFunctionOperation local:
                    graph = graph.GetLocalFunctionControlFlowGraph(local.Symbol, cancellationToken);
                    break;
                case IAnonymousFunctionOperation lambda:
                    var flow = FindFlowLambda(graph, lambda.Symbol);
                    graph = flow is null ? null : graph.GetAnonymousFunctionControlFlowGraph(flow, cancellationToken);
                    break;
            }
        }
        return graph;
    }

    private static IFlowAnonymousFunctionOperation? FindFlowLambda(ControlFlowGraph graph, IMethodSymbol symbol)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (Find(operation) is { } found)
                    return found;
            }
            if (block.BranchValue is not null && Find(block.BranchValue) is { } inBranch)
                return inBranch;
        }
        return null;

        IFlowAnonymousFunctionOperation? Find(IOperation operation)
        {
            foreach (var descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (descendant is IFlowAnonymousFunctionOperation flow && SymbolEqualityComparer.Default.Equals(flow.Symbol, symbol))
                    return flow;
            }
            return null;
        }
    }

    /// <summary>
    /// The handler region (kind Catch) of <paramref name="catchClause"/>. Regions and clauses are matched by order:
    /// the graph lays catch clauses out in source order, nested ones inside their parent's range.
    /// </summary>
    public static ControlFlowRegion? HandlerRegion(ControlFlowGraph graph, SyntaxNode functionSyntax, CatchClauseSyntax catchClause)
    {
        var index = -1;
        var count = 0;
        foreach (var node in functionSyntax.DescendantNodes(n => n == functionSyntax || !(IsFunctionBoundary(n) || n is BaseTypeDeclarationSyntax)))
        {
            if (node is CatchClauseSyntax clause)
            {
                if (clause == catchClause)
                    index = count;
                count++;
            }
        }
        if (index < 0)
            return null;
        var handlers = new List<ControlFlowRegion>();
        CollectHandlers(graph.Root, handlers);
        if (handlers.Count != count)
            return null;
        handlers.Sort((a, b) => UnitStart(a).CompareTo(UnitStart(b)));
        return handlers[index];
    }

    private static int UnitStart(ControlFlowRegion handler) =>
        handler.EnclosingRegion is { Kind: ControlFlowRegionKind.FilterAndHandler } unit ? unit.FirstBlockOrdinal : handler.FirstBlockOrdinal;

    private static void CollectHandlers(ControlFlowRegion region, List<ControlFlowRegion> handlers)
    {
        if (region.Kind == ControlFlowRegionKind.Catch)
            handlers.Add(region);
        foreach (var nested in region.NestedRegions)
            CollectHandlers(nested, handlers);
    }

    public static bool IsFunctionBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
}
