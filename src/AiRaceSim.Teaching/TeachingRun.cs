using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;
using AiRaceSim.Output;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Teaching;

/// <summary>One month as the page draws it: the 5th, 50th and 95th percentiles over members of the capability and compute gaps (months; null: no gap).</summary>
public sealed record MonthRow(int Month, string Date, double?[] Gap, double?[] Compute);

/// <summary>
/// A run for the page on the ensemble driver: only the pair's two gap series are recorded, and each month is handed on
/// as a row of percentiles as soon as every member has stepped it.
/// </summary>
public static class TeachingRun
{
    public static readonly double[] Levels = [0.05, 0.5, 0.95];
    public const string GapMetric = "capability_gap_months", ComputeMetric = "compute_gap_months";

    public static async Task RunAsync(LoadedScenario scenario, string pair, IEnsembleBackend backend,
        Func<IReadOnlyList<MonthRow>, ValueTask> onMonths, CancellationToken cancellation)
    {
        var spec = scenario.Spec;
        string[] metrics = [GapMetric, ComputeMetric];
        var keys = new SeriesCatalog(spec, metrics, [pair]).Keys;
        int gap = IndexOf(keys, new SeriesKey(pair, GapMetric)), compute = IndexOf(keys, new SeriesKey(pair, ComputeMetric));
        // A month a slice: the page draws each month as soon as every member has stepped it.
        var request = new RunRequest(spec, scenario.Members, scenario.BlockSize) { Metrics = metrics, Entities = [pair], SliceMonths = 1 };
        await new EnsembleDriver(backend) { ReusesSlices = true }.RunAsync(request, async slice =>
        {
            var rows = new List<MonthRow>(slice.Months);
            for (int t = 0; t < slice.Months; t++)
            {
                int month = slice.FirstMonthIndex + t;
                rows.Add(new MonthRow(month, (spec.Start + month).ToString(), Percentiles(slice, gap, t), Percentiles(slice, compute, t)));
            }
            await onMonths(rows);
        }, null, cancellation);
    }

    private static int IndexOf(IReadOnlyList<SeriesKey> keys, SeriesKey key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        throw new ArgumentException($"the scenario records no {key.Metric} of {key.Entity}: is {key.Entity} one of its gap pairs?");
    }

    /// <summary>R-7 percentiles of the members that have a value, as quantiles.csv computes them.</summary>
    public static double?[] Percentiles(SeriesBatch slice, int key, int t)
    {
        var values = new List<double>(slice.Members);
        for (int m = 0; m < slice.Members; m++) if (slice[key, t, m] is var v && !double.IsNaN(v)) values.Add(v);
        if (values.Count == 0) return [null, null, null];
        var result = new double[Levels.Length];
        SampleQuantiles.Select(values.ToArray(), Levels, result);
        return result.Select(x => (double?)x).ToArray();
    }
}
