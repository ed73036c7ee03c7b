using System;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The <see cref="LocalWriteIndex"/> of the bodies analyzed most recently, in a small direct-mapped table keyed by the
/// body's root operation. The driver runs every callback of one body before it moves on, and the engine follows calls
/// a few bodies deep, so a handful of slots catch nearly every repeated lookup. A ConditionalWeakTable did the same job
/// with a lock and a GC handle per body (its insertions were 13 % of LEAK001's time on the 200k-line benchmark); this
/// table (a <see cref="RecentTable{TKey, TValue}"/> of 64 slots) takes no lock, and keeps at most 64 bodies alive for as long as one compilation's analysis.
/// A race between two threads on one slot only means an index is built twice.
/// </summary>
internal sealed class LocalWriteIndexCache
{
    private readonly RecentTable<IOperation, LocalWriteIndex> _recent = new(64);
    private readonly SourceOracle? _mayOriginate;

    /// <param name="mayOriginate">Given to each index (see <see cref="LocalWriteIndex.SourceFree"/>).</param>
    public LocalWriteIndexCache(SourceOracle? mayOriginate) => _mayOriginate = mayOriginate;

    public LocalWriteIndex For(IOperation root)
    {
        // Hashed by where the root starts in its file: bodies analyzed together rarely share a start, and two that do
        // only evict each other (the key itself is still compared by identity).
        var position = root.Syntax.FullSpan.Start;
        return _recent.TryGet(root, position, out var index) ? index : _recent.Remember(root, position, new LocalWriteIndex(root, _mayOriginate));
    }
}
