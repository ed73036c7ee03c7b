using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The operations under a root, pre-order and in source order, as Roslyn's <c>Descendants()</c> and
/// <c>DescendantsAndSelf()</c> give them. Those are iterators: every step is two interface calls into a state machine
/// over a pooled stack, which was half the time of the engine's block scan on the benchmark. This walk is a struct
/// enumerator over the children lists themselves (<see cref="IOperation.OperationList.Enumerator"/>), with a stack of
/// the lists left to finish. Use it in a <c>foreach</c>, which disposes it: the stack goes back to a per-thread spare,
/// so a thread's walks one after another reuse one stack instead of allocating and growing one each.
/// </summary>
internal struct OperationWalk : System.IDisposable
{
    private Stack<IOperation.OperationList.Enumerator>? _pending;
    private IOperation.OperationList.Enumerator _children;
    private bool _rootPending;

    private OperationWalk(IOperation root, bool includeRoot)
    {
        _pending = null;
        _children = root.ChildOperations.GetEnumerator();
        _rootPending = includeRoot;
        Current = root;
    }

    public static OperationWalk DescendantsAndSelf(IOperation root) => new(root, includeRoot: true);

    public static OperationWalk Descendants(IOperation root) => new(root, includeRoot: false);

    public IOperation Current { get; private set; }

    public OperationWalk GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rootPending)
        {
            _rootPending = false;
            return true; // Current is the root
        }
        while (true)
        {
            if (_children.MoveNext())
            {
                var child = _children.Current;
                (_pending ??= Rent()).Push(_children);
                _children = child.ChildOperations.GetEnumerator();
                Current = child;
                return true;
            }
            if (_pending is null || _pending.Count == 0)
                return false;
            _children = _pending.Pop();
        }
    }

    public void Dispose()
    {
        if (_pending is not { } pending)
            return;
        _pending = null;
        // Cleared: the spare must not keep a finished walk's operations alive.
        pending.Clear();
        Core.ThreadSpare<Stack<IOperation.OperationList.Enumerator>>.Give(pending);
    }

    private static Stack<IOperation.OperationList.Enumerator> Rent() =>
        Core.ThreadSpare<Stack<IOperation.OperationList.Enumerator>>.Take() ?? new Stack<IOperation.OperationList.Enumerator>(16);
}
