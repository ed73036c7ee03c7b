using System.Runtime.CompilerServices;
using System.Threading;

namespace LeakAnalyzers.Core;

/// <summary>
/// The answers for the keys asked about most recently, in a small direct-mapped table keyed by object identity. The
/// driver runs the callbacks of one file, and of one body, together, so a handful of slots catch nearly every repeated
/// question with one array read and a reference comparison; a dictionary would hash the key (symbol hashing walks the
/// symbol) and touch a bucket and a node each time. No lock: two threads racing on a slot only compute an answer twice.
/// It keeps at most <c>slots</c> keys alive, for as long as its owner (one compilation's analysis).
/// A caller that has a cheap number for its key (a syntax position) passes it as the hash: the identity hash of an
/// object asked about for the first time is written into its header, and for the many operations and symbols that are
/// asked about once or twice that first write was a visible share of the lookup.
/// </summary>
internal sealed class RecentTable<TKey, TValue>
    where TKey : class
{
    private readonly Entry?[] _entries;
    private readonly int _mask;

    /// <param name="slots">A power of two.</param>
    public RecentTable(int slots)
    {
        _entries = new Entry?[slots];
        _mask = slots - 1;
    }

    public bool TryGet(TKey key, out TValue value) => TryGet(key, RuntimeHelpers.GetHashCode(key), out value);

    public TValue Remember(TKey key, TValue value) => Remember(key, RuntimeHelpers.GetHashCode(key), value);

    /// <param name="hash">Any number derived from the key alone; keys that share it only evict each other.</param>
    public bool TryGet(TKey key, int hash, out TValue value)
    {
        var entry = Volatile.Read(ref _entries[hash & _mask]);
        if (entry is not null && ReferenceEquals(entry.Key, key))
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public TValue Remember(TKey key, int hash, TValue value)
    {
        Volatile.Write(ref _entries[hash & _mask], new Entry(key, value));
        return value;
    }

    private sealed class Entry
    {
        public Entry(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public TKey Key { get; }
        public TValue Value { get; }
    }
}
