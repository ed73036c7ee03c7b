namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// The seeded source of every choice the generator makes. <see cref="System.Random"/> with a seed is deterministic for a
/// given runtime, so the same seed and size always give the same code base (and so comparable numbers).
/// </summary>
internal sealed class LeakDice
{
    private readonly Random _random;
    private readonly double _leakRate;

    public LeakDice(int seed, double leakRate)
    {
        _random = new Random(seed);
        _leakRate = leakRate;
    }

    /// <summary>Planted leaks per rule, so the report can show that the analyzers found them.</summary>
    public Dictionary<string, int> Planted { get; } = new(StringComparer.Ordinal);

    /// <summary>True for a small share of sites: this one is written the leaky way and counted for <paramref name="ruleId"/>.</summary>
    public bool Leak(string ruleId)
    {
        if (_random.NextDouble() >= _leakRate)
            return false;
        Planted[ruleId] = Planted.TryGetValue(ruleId, out var n) ? n + 1 : 1;
        return true;
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
