using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Output;
using MathNet.Numerics.Statistics;

namespace AiRaceSim.Calibration;

/// <summary>A target's outcome: the median over members, its 5–95 % range, and pass or miss.</summary>
public sealed record TargetResult(Target Target, double Median, double P05, double P95, int Members)
{
    public bool Passed => Target.Holds(Median);
    public double Miss => Target.Miss(Median);
}

/// <summary>Keeps, as slices stream by, the months of each target's window for every member, then evaluates.</summary>
public sealed class TargetEvaluator : ISeriesWriter
{
    private readonly IReadOnlyList<Target> _targets;
    private readonly int[] _keys;
    private readonly int[] _from;
    private readonly double[][][] _windows; // [target][month in window][member]

    public TargetEvaluator(IReadOnlyList<Target> targets, IReadOnlyList<SeriesKey> keys, Month start, int members)
    {
        _targets = targets;
        var list = keys.ToList();
        _keys = targets.Select(t => list.IndexOf(new SeriesKey(t.Entity, t.Metric))).ToArray();
        for (int i = 0; i < targets.Count; i++)
            if (_keys[i] < 0) throw new ArgumentException($"target {targets[i].Id}: series {targets[i].Entity}/{targets[i].Metric} is not recorded");
        _from = targets.Select(t => t.From - start).ToArray();
        _windows = targets.Select(t => Enumerable.Range(0, t.To - t.From + 1).Select(_ => Filled(members)).ToArray()).ToArray();
    }

    /// <summary>The series the targets read, as (entity, metric) pairs.</summary>
    public static IEnumerable<SeriesKey> Needs(IEnumerable<Target> targets) => targets.Select(t => new SeriesKey(t.Entity, t.Metric)).Distinct();

    public ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        for (int i = 0; i < _targets.Count; i++)
            for (int w = 0; w < _windows[i].Length; w++)
            {
                int t = _from[i] + w - slice.FirstMonthIndex;
                if (t < 0 || t >= slice.Months) continue;
                for (int m = 0; m < slice.Members; m++) _windows[i][w][slice.FirstMember + m] = slice[_keys[i], t, m];
            }
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<TargetResult> Results()
    {
        var results = new List<TargetResult>();
        for (int i = 0; i < _targets.Count; i++)
        {
            int members = _windows[i][0].Length;
            var perMember = new List<double>();
            var window = new double[_windows[i].Length];
            for (int m = 0; m < members; m++)
            {
                for (int w = 0; w < window.Length; w++) window[w] = _windows[i][w][m];
                double v = _targets[i].Evaluate(window);
                if (!double.IsNaN(v)) perMember.Add(v);
            }
            var sorted = perMember.Order().ToArray();
            results.Add(sorted.Length == 0
                ? new TargetResult(_targets[i], double.NaN, double.NaN, double.NaN, 0)
                : new TargetResult(_targets[i], SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
                    SortedArrayStatistics.QuantileCustom(sorted, 0.05, QuantileDefinition.R7),
                    SortedArrayStatistics.QuantileCustom(sorted, 0.95, QuantileDefinition.R7), sorted.Length));
        }
        return results;
    }

    private static double[] Filled(int n) { var a = new double[n]; Array.Fill(a, double.NaN); return a; }

    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
