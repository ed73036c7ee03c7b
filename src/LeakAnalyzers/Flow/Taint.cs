using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// What a value carries: nothing (<see cref="Clean"/>) or data of a policy-defined kind, with the operation that
/// first read it (used for the diagnostic's additional location and message). Higher kinds win when merged, so a
/// flow that carries database data reports the database rule only.
/// </summary>
internal readonly struct Taint
{
    public static readonly Taint Clean = default;

    public Taint(int kind, IOperation origin)
    {
        Kind = kind;
        Origin = origin;
    }

    public int Kind { get; }
    public IOperation? Origin { get; }
    public bool IsTainted => Kind != 0;

    public Taint Merge(Taint other) => other.Kind > Kind ? other : this;
}
