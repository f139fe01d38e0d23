using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Calibration;

/// <summary>
/// Runs a scenario on the bare kernel (blocks in parallel on all cores) recording only what the
/// checks read, and evaluates them. The grain path gives the same bits (tests), so calibrating
/// without a silo changes nothing but speed.
/// </summary>
public static class TargetRun
{
    public static IReadOnlyList<TargetResult> Evaluate(WorldSpec spec, IReadOnlyList<Target> targets, int members, int block,
        CancellationToken cancellation = default) =>
        TargetEvaluator.Evaluate(targets, Run(spec, TargetEvaluator.Needs(targets).ToList(), members, block, cancellation));

    /// <summary>Runs every member and keeps the named series (those the scenario records; others are left out).</summary>
    public static EnsembleSeries Run(WorldSpec spec, IReadOnlyCollection<SeriesKey> needs, int members, int block,
        CancellationToken cancellation = default)
    {
        var all = new SeriesCatalog(spec).Keys.ToHashSet();
        var kept = needs.Where(all.Contains).Distinct().ToList();
        var catalog = new SeriesCatalog(spec, kept.Select(k => k.Metric).Distinct().ToList(), kept.Select(k => k.Entity).Distinct().ToList());
        var series = new EnsembleSeries(kept, catalog.Keys, spec.Start, spec.Months, members);
        int blocks = (members + block - 1) / block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation }, b =>
        {
            int first = b * block;
            var sim = new BlockSimulation(spec, first, Math.Min(block, members - first), catalog);
            while (!sim.Done)
            {
                cancellation.ThrowIfCancellationRequested();
                sim.Step(12);
                // Each block writes its own members' slots: no two blocks share one.
                series.WriteAsync(sim.TakeSeries()!, cancellation).AsTask().GetAwaiter().GetResult();
            }
        });
        return series;
    }

    /// <summary>Σ weight · miss²: what the fit minimises (0 when every target passes).</summary>
    public static double Loss(IEnumerable<TargetResult> results) => results.Sum(r => r.Target.Weight * r.Miss * r.Miss);
}
