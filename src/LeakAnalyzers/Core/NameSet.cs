using System.Collections.Generic;

namespace LeakAnalyzers.Core;

/// <summary>
/// A set of member names that every call (or property access) of the project is checked against, where almost every
/// answer is no: the catalogued log methods, response sinks and debug switches. An ordinal string hash reads every
/// character and is not cached on the string, so before it a 4096-bit filter keyed by the name's length and its
/// first, middle and last characters answers most of those noes with one array read. Filled once at compilation start
/// and only read afterwards, so it needs no lock.
/// </summary>
internal sealed class NameSet
{
    private const int FilterBits = 4096;

    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    public NameSet()
    {
    }

    public NameSet(IEnumerable<string> names) => UnionWith(names);

    public int Count => _names.Count;

    public void Add(string name)
    {
        if (!_names.Add(name))
            return;
        var bit = Bit(name);
        _filter[bit >> 6] |= 1UL << (bit & 63);
    }

    public void UnionWith(IEnumerable<string> names)
    {
        foreach (var name in names)
            Add(name);
    }

    public bool Contains(string name) => PassesFilter(name) && _names.Contains(name);

    /// <summary>False only for names that are certainly not in the set.</summary>
    public bool PassesFilter(string name)
    {
        var bit = Bit(name);
        return (_filter[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>
    /// The length and three characters: names that agree on all four share a bit and fall through to the hash set,
    /// which decides.
    /// </summary>
    private static int Bit(string name)
    {
        var length = name.Length;
        if (length == 0)
            return 0;
        var mixed = (uint)length * 0x9E3779B1u ^ (uint)name[0] * 0x85EBCA77u ^ (uint)name[length >> 1] * 0xC2B2AE3Du ^ (uint)name[length - 1] * 0x27D4EB2Fu;
        return (int)((mixed ^ (mixed >> 15)) & (FilterBits - 1));
    }
}
