using System.Collections.Generic;

namespace LeakAnalyzers.Core;

/// <summary>
/// A set of member names that every call (or property access) of the project is checked against, where almost every
/// answer is no: the catalogued log methods, response sinks and debug switches. An ordinal string hash reads every
/// character and is not cached on the string, so before it a filter answers most of those noes with two array reads:
/// an 8192-bit Bloom filter with two bits per name, each keyed by the name's length and three of its characters. One
/// bit of 4096 let a common name through (the response-sink names, several hundred with every <c>Results</c> method,
/// took in <c>LogInformation</c>: a third of the calls the sink table was asked about on the benchmark). Filled once
/// at compilation start and only read afterwards, so it needs no lock.
/// </summary>
internal sealed class NameSet
{
    private const int FilterBits = 8192;

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
        bit = SecondBit(name);
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
        if ((_filter[bit >> 6] & (1UL << (bit & 63))) == 0)
            return false;
        bit = SecondBit(name);
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

    /// <summary>The length and three other characters (the second, a quarter in, the last but one), mixed differently.</summary>
    private static int SecondBit(string name)
    {
        var length = name.Length;
        if (length < 2)
            return 1;
        var mixed = (uint)length * 0x27D4EB2Fu ^ (uint)name[1] * 0x9E3779B1u ^ (uint)name[length >> 2] * 0x165667B1u ^ (uint)name[length - 2] * 0x85EBCA77u;
        return (int)((mixed ^ (mixed >> 13)) & (FilterBits - 1));
    }
}
