using AiRaceSim.Ensembles;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Output;

namespace AiRaceSim.Workflows;

/// <summary>
/// One ensemble reduced to per-member outcomes: the driver on a backend (in-process unless given), recording only
/// the series the outcomes read, and only up to the last month they read. What experiments run per design point and compare --paired per scenario.
/// </summary>
public static class MemberOutcomes
{
    /// <returns>[outcome][member], as <see cref="OutcomeReducer"/> gives them (NaN: no value, or never).</returns>
    public static async Task<double[][]> RunAsync(WorldSpec spec, IReadOnlyList<Outcome> outcomes, int members, int blockSize, CancellationToken cancellation,
        IEnsembleBackend? backend = null)
    {
        // Outcomes at fixed months read nothing after the last of them: the months after it are not run
        // (nor checked by the state guard: a point that would break only later still gives its outcomes).
        if (outcomes.Count > 0 && outcomes.All(o => o.Kind == OutcomeKind.At)) spec = spec.EndingAt(outcomes.Max(o => o.Month));
        var metrics = outcomes.Select(o => o.Series.Metric).Distinct().ToList();
        var entities = outcomes.Select(o => o.Series.Entity).Distinct().ToList();
        var keys = new SeriesCatalog(spec, metrics, entities).Keys;
        var reducer = new OutcomeReducer(keys, outcomes, spec.Start);
        // Few series: the whole run in one slice keeps the driver's per-slice work out of the way.
        long bytes = 8L * spec.Months * members * keys.Count;
        var request = new RunRequest(spec, members, blockSize)
        {
            Metrics = metrics, Entities = entities,
            SliceMonths = bytes <= RunRequest.SliceBudgetBytes / 4 ? spec.Months : RunRequest.SliceMonthsFor(members, keys.Count),
        };
        await new EnsembleDriver(backend ?? new InProcessBackend()) { ReusesSlices = true }.RunAsync(request, slice => { reducer.Add(slice); return ValueTask.CompletedTask; }, null, cancellation);
        return reducer.Values.Select(v => v.ToArray()).ToArray();
    }
}
