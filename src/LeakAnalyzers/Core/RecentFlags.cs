using System.Runtime.CompilerServices;
using System.Threading;

namespace LeakAnalyzers.Core;

/// <summary>
/// A <see cref="RecentTable{TKey, TValue}"/> for yes/no answers, without an entry object per key: a slot holds the key
/// in one of two arrays, the keys answered yes and the keys answered no. A lookup reads the two slots and compares
/// references; the table's entry objects were a memory load of their own per lookup, on the hottest tables (the
/// exception-type and log-method questions asked of most operations). No lock, and no torn answer: each array only
/// ever holds keys whose answer it is, so whatever a race leaves in a slot is right for the key it holds.
/// </summary>
internal sealed class RecentFlags<TKey>
    where TKey : class
{
    private readonly TKey?[] _yes;
    private readonly TKey?[] _no;
    private readonly int _mask;

    /// <param name="slots">A power of two.</param>
    public RecentFlags(int slots)
    {
        _yes = new TKey?[slots];
        _no = new TKey?[slots];
        _mask = slots - 1;
    }

    public bool TryGet(TKey key, out bool value)
    {
        var slot = RuntimeHelpers.GetHashCode(key) & _mask;
        if (ReferenceEquals(Volatile.Read(ref _yes[slot]), key))
        {
            value = true;
            return true;
        }
        value = false;
        return ReferenceEquals(Volatile.Read(ref _no[slot]), key);
    }

    public bool Remember(TKey key, bool value)
    {
        var slot = RuntimeHelpers.GetHashCode(key) & _mask;
        // The key goes in first: a slot may briefly answer for two keys, one in each array, both rightly.
        Volatile.Write(ref (value ? ref _yes[slot] : ref _no[slot]), key);
        Volatile.Write(ref (value ? ref _no[slot] : ref _yes[slot]), null);
        return value;
    }
}
