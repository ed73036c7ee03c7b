using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Every value written into each local of one block (the block that declares the local, or a whole body), collected in a single walk: initializers, assignments,
/// foreach sources, deconstructions (also of foreach items) (each local with its element of the value), and mutations of the object the local holds (<c>list.Add(x)</c>, <c>sb.Append(x)</c>,
/// <c>dict[k] = x</c>, <c>obj.Prop = x</c>, kept as the whole write operation so a policy can see its target). The engine is flow-insensitive over these writes; Development-only
/// writes are dropped by the policy at their sources, which is what makes guarded assignments safe.
/// </summary>
internal sealed class LocalWriteIndex
{
    private static readonly HashSet<string> MutatorNames = new()
    {
        "Add", "AddRange", "Append", "AppendLine", "AppendFormat", "AppendJoin", "Insert", "Push", "Enqueue",
        "TryAdd", "Write", "WriteLine", "Prepend", "Replace", "Set", "SetValue",
    };

    private readonly IOperation _root;
    private Dictionary<ISymbol, List<LocalWrite>>? _writes;

    /// <param name="mayOriginate">
    /// Optional: whether an operation can bring sensitive data in by itself (see <see cref="SourceFree"/>). Without it no
    /// block is judged source-free.
    /// </param>
    public LocalWriteIndex(IOperation root, SourceOracle? mayOriginate = null)
    {
        _root = root;
        SourceFree = mayOriginate is not null && SourceScan.IsSourceFree(root, mayOriginate);
    }

    /// <summary>
    /// No operation of the block can bring sensitive data in, and it reads no local declared outside it: every local
    /// it declares is clean where no parameter is bound, and its writes need not be collected at all.
    /// </summary>
    public bool SourceFree { get; }

    public IReadOnlyList<LocalWrite> WritesTo(ILocalSymbol local)
    {
        // Collected on first use: most blocks asked about are source-free, and their writes are never needed.
        var writes = Volatile.Read(ref _writes);
        if (writes is null)
        {
            Interlocked.CompareExchange(ref _writes, Collect(_root), null);
            writes = Volatile.Read(ref _writes)!;
        }
        return writes.TryGetValue(local, out var list) ? list : Array.Empty<LocalWrite>();
    }

    private static Dictionary<ISymbol, List<LocalWrite>> Collect(IOperation root)
    {
        var writes = new Dictionary<ISymbol, List<LocalWrite>>(SymbolEqualityComparer.Default);
        foreach (var operation in OperationWalk.DescendantsAndSelf(root))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(writes, declarator.Symbol, initializer.Value, isMutation: false);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    AddDeconstructed(writes, deconstruction.Target, deconstruction.Value, new List<int>());
                    break;
                case IAssignmentOperation assignment:
                    // The assignment itself, not just its value: a policy may know the target is a sink (already reported).
                    if (assignment.Target is ILocalReferenceOperation target)
                        Add(writes, target.Local, assignment, isMutation: false);
                    else if (RootLocal(assignment.Target) is { } owner)
                        Add(writes, owner, assignment, isMutation: true);
                    break;
                case IIsPatternOperation { Pattern: { } pattern } isPattern when OperationNavigation.PatternLocal(pattern) is { } declared:
                    Add(writes, declared, isPattern.Value, isMutation: false);
                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                    Add(writes, variable.Symbol, loop.Collection, isMutation: false);
                    break;
                case IForEachLoopOperation { LoopControlVariable: { } deconstructed } loop:
                    // foreach (var (key, value) in pairs): each local takes its element of an item, for which the loop
                    // itself stands (the engine asks the policy about the item type's elements).
                    AddDeconstructed(writes, deconstructed, loop, new List<int>());
                    break;
                case IInvocationOperation { Instance: { } instance } invocation
                    when instance.Type?.SpecialType != SpecialType.System_String && MutatorNames.Contains(invocation.TargetMethod.Name):
                    if (RootLocal(instance) is { } mutated)
                        Add(writes, mutated, invocation, isMutation: true);
                    break;
            }
        }
        return writes;
    }

    private static void Add(Dictionary<ISymbol, List<LocalWrite>> writes, ISymbol local, IOperation write, bool isMutation, int[]? element = null)
    {
        if (!writes.TryGetValue(local, out var list))
        {
            list = new List<LocalWrite>(2);
            writes.Add(local, list);
        }
        list.Add(new LocalWrite(write, isMutation, element));
    }

    /// <summary>
    /// <c>var (a, (b, c)) = value</c>, <c>(x, obj.Prop) = value</c>: each local target takes its element of the value;
    /// a member target puts that element into the object its root local holds. <paramref name="path"/> is the position
    /// of <paramref name="target"/> in the deconstruction.
    /// </summary>
    private static void AddDeconstructed(Dictionary<ISymbol, List<LocalWrite>> writes, IOperation target, IOperation value, List<int> path)
    {
        while (target is IDeclarationExpressionOperation or IConversionOperation)
            target = target is IDeclarationExpressionOperation declaration ? declaration.Expression : ((IConversionOperation)target).Operand;
        switch (target)
        {
            case ITupleOperation tuple:
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    path.Add(i);
                    AddDeconstructed(writes, tuple.Elements[i], value, path);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case ILocalReferenceOperation local:
                Add(writes, local.Local, value, isMutation: false, path.ToArray());
                break;
            default:
                if (RootLocal(target) is { } owner)
                    Add(writes, owner, value, isMutation: false, path.ToArray());
                break;
        }
    }

    /// <summary>The local at the root of <c>local.A.B[k]</c>, or the local itself.</summary>
    private static ILocalSymbol? RootLocal(IOperation operation)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IFieldReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IArrayElementReferenceOperation array:
                    operation = array.ArrayReference;
                    continue;
                case IDynamicMemberReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IInvocationOperation { Instance: { } instance } chained when MutatorNames.Contains(chained.TargetMethod.Name):
                    // sb.Append(a).Append(b): the second Append writes into sb too.
                    operation = instance;
                    continue;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }
}
