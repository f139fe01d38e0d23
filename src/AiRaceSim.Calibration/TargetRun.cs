using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Ensembles;

namespace AiRaceSim.Calibration;

/// <summary>
/// Runs a scenario on the bare kernel (the ensemble driver's in-process backend: blocks in parallel
/// on all cores) recording only what the checks read, and evaluates them. The grain path gives the same bits (tests), so calibrating
/// without a silo changes nothing but speed.
/// </summary>
public static class TargetRun
{
    /// <summary>Every target over the members; the run stops at the last month a target reads (<see cref="WorldSpec.EndingAt"/>).</summary>
    public static IReadOnlyList<TargetResult> Evaluate(WorldSpec spec, IReadOnlyList<Target> targets, int members, int block,
        CancellationToken cancellation = default)
    {
        if (targets.Count > 0) spec = spec.EndingAt(targets.Max(t => t.To));
        return TargetEvaluator.Evaluate(targets, Run(spec, TargetEvaluator.Needs(targets).ToList(), members, block, cancellation));
    }

    /// <summary>Runs every member and keeps the named series (those the scenario records; others are left out).</summary>
    public static EnsembleSeries Run(WorldSpec spec, IReadOnlyCollection<SeriesKey> needs, int members, int block,
        CancellationToken cancellation = default) =>
        Task.Run(() => RunAsync(spec, needs, members, block, cancellation), cancellation).GetAwaiter().GetResult();

    /// <summary>The same, on the in-process backend of the one ensemble driver.</summary>
    public static async Task<EnsembleSeries> RunAsync(WorldSpec spec, IReadOnlyCollection<SeriesKey> needs, int members, int block,
        CancellationToken cancellation = default)
    {
        var all = new SeriesCatalog(spec).Keys.ToHashSet();
        var kept = needs.Where(all.Contains).Distinct().ToList();
        var request = new RunRequest(spec, members, block)
        {
            Metrics = kept.Select(k => k.Metric).Distinct().ToList(), Entities = kept.Select(k => k.Entity).Distinct().ToList(),
        };
        var catalog = new SeriesCatalog(spec, request.Metrics, request.Entities);
        var series = new EnsembleSeries(kept, catalog.Keys, spec.Start, spec.Months, members);
        await new EnsembleDriver(new InProcessBackend()) { ReusesSlices = true }.RunAsync(request, slice => series.WriteAsync(slice, cancellation), null, cancellation);
        return series;
    }

    /// <summary>Σ weight · miss²: what the fit minimises (0 when every target passes).</summary>
    public static double Loss(IEnumerable<TargetResult> results) => results.Sum(r => r.Target.Weight * r.Miss * r.Miss);
}
