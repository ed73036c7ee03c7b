using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace LeakAnalyzers.Core;

/// <summary>
/// An answer worked out once per key for one compilation's analysis: a <see cref="RecentTable{TKey, TValue}"/> of the
/// keys asked about last in front of a dictionary of all of them. The table answers the repeated questions of one
/// body or file by identity; the dictionary (which hashes with the comparer it is given) answers the rest without
/// working the answer out again.
/// </summary>
internal sealed class AnswerCache<TKey, TValue>
    where TKey : class
{
    private readonly RecentTable<TKey, TValue> _recent;
    private readonly ConcurrentDictionary<TKey, TValue> _all;
    private readonly Func<TKey, TValue> _compute;

    /// <param name="recentSlots">A power of two.</param>
    /// <param name="compute">Must depend on nothing but the key (two threads may compute the same answer).</param>
    public AnswerCache(int recentSlots, IEqualityComparer<TKey> comparer, Func<TKey, TValue> compute)
    {
        _recent = new RecentTable<TKey, TValue>(recentSlots);
        _all = new ConcurrentDictionary<TKey, TValue>(comparer);
        _compute = compute;
    }

    /// <summary>For keys that are asked about again by the same object (symbol definitions, cached symbols).</summary>
    public TValue Get(TKey key) =>
        _recent.TryGet(key, out var recent) ? recent : _recent.Remember(key, GetOnce(key));

    /// <summary>
    /// For keys that are new objects each time (constructed types and methods): the recent table could not find them
    /// again, and remembering them there would only evict keys that it can.
    /// </summary>
    public TValue GetOnce(TKey key) => _all.TryGetValue(key, out var known) ? known : _all.GetOrAdd(key, _compute);
}
