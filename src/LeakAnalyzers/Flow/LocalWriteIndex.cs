using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Every value written into each local of one block (the block that declares the local, or a whole body), collected in a single walk: initializers, assignments,
/// foreach sources, and mutations of the object the local holds (<c>list.Add(x)</c>, <c>sb.Append(x)</c>,
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

    private readonly Dictionary<ISymbol, List<LocalWrite>> _writes = new(SymbolEqualityComparer.Default);

    public LocalWriteIndex(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(declarator.Symbol, initializer.Value, isMutation: false);
                    break;
                case IAssignmentOperation assignment:
                    // The assignment itself, not just its value: a policy may know the target is a sink (already reported).
                    if (assignment.Target is ILocalReferenceOperation target)
                        Add(target.Local, assignment, isMutation: false);
                    else if (RootLocal(assignment.Target) is { } owner)
                        Add(owner, assignment, isMutation: true);
                    break;
                case IIsPatternOperation { Pattern: { } pattern } isPattern when DeclaredLocal(pattern) is { } declared:
                    Add(declared, isPattern.Value, isMutation: false);
                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                    Add(variable.Symbol, loop.Collection, isMutation: false);
                    break;
                case IInvocationOperation { Instance: { } instance } invocation
                    when instance.Type?.SpecialType != SpecialType.System_String && MutatorNames.Contains(invocation.TargetMethod.Name):
                    if (RootLocal(instance) is { } mutated)
                        Add(mutated, invocation, isMutation: true);
                    break;
            }
        }
    }

    public IReadOnlyList<LocalWrite> WritesTo(ILocalSymbol local) =>
        _writes.TryGetValue(local, out var list) ? list : (IReadOnlyList<LocalWrite>)System.Array.Empty<LocalWrite>();

    private void Add(ISymbol local, IOperation write, bool isMutation)
    {
        if (!_writes.TryGetValue(local, out var list))
        {
            list = new List<LocalWrite>(2);
            _writes.Add(local, list);
        }
        list.Add(new LocalWrite(write, isMutation));
    }

    /// <summary>The local a top-level pattern declares (<c>x is { } s</c>, <c>x is string s</c>).</summary>
    private static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

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
