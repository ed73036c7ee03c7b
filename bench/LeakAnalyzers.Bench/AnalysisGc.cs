namespace LeakAnalyzers.Bench;

/// <summary>
/// The collections during one analysis and the time the runtime was paused for them. A pause is charged to whichever
/// analyzer callback is running when it starts, so a run whose total sits far above the sum of the per-rule medians
/// can be checked against this: the analyzers' own work does not change from run to run, the collections do.
/// </summary>
internal readonly record struct AnalysisGc(int Gen0, int Gen1, int Gen2, double PauseMs, long AllocatedBytes)
{
    public static AnalysisGc Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes());

    public AnalysisGc Since(AnalysisGc before) =>
        new(Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, PauseMs - before.PauseMs, AllocatedBytes - before.AllocatedBytes);

    /// <summary>Collection counts include the younger generations: a gen2 collection also counts as gen1 and gen0.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{AllocatedBytes / 1048576.0:F0} MB allocated, {Gen0 - Gen1}/{Gen1 - Gen2}/{Gen2} gen0/gen1/gen2 collections, {PauseMs:F0} ms paused");
}
