using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The <see cref="LocalWriteIndex"/> of the bodies analyzed most recently, in a small direct-mapped table keyed by the
/// body's root operation. The driver runs every callback of one body before it moves on, and the engine follows calls
/// a few bodies deep, so a handful of slots catch nearly every repeated lookup. A ConditionalWeakTable did the same job
/// with a lock and a GC handle per body (its insertions were 13 % of LEAK001's time on the 200k-line benchmark); this
/// table takes no lock, and keeps at most <see cref="Slots"/> bodies alive for as long as one compilation's analysis.
/// A race between two threads on one slot only means an index is built twice.
/// </summary>
internal sealed class LocalWriteIndexCache
{
    private const int Slots = 64;
    private readonly Entry?[] _entries = new Entry?[Slots];

    public LocalWriteIndex For(IOperation root)
    {
        var slot = RuntimeHelpers.GetHashCode(root) & (Slots - 1);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && ReferenceEquals(entry.Root, root))
            return entry.Index;
        var index = new LocalWriteIndex(root);
        Volatile.Write(ref _entries[slot], new Entry(root, index));
        return index;
    }

    private sealed class Entry
    {
        public Entry(IOperation root, LocalWriteIndex index)
        {
            Root = root;
            Index = index;
        }

        public IOperation Root { get; }
        public LocalWriteIndex Index { get; }
    }
}
