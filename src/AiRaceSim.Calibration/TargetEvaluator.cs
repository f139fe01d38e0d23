using AiRaceSim.Model.Series;

namespace AiRaceSim.Calibration;

/// <summary>
/// A target's outcome: the median over members, its 5–95 % range, the share of members meeting
/// the target's share condition (NaN when it has none), and pass or miss by MODEL.md's rule.
/// </summary>
public sealed record TargetResult(Target Target, double Median, double P05, double P95, int Members, double Share = double.NaN)
{
    public bool MedianHolds => Target.Holds(Median);

    /// <summary>The P5–P95 band holds the observed value, or (with none given) overlaps the range.</summary>
    public bool BandHolds => Members > 0 && (Target.ObservedValue is { } observed
        ? observed >= P05 && observed <= P95
        : P05 <= Target.High && P95 >= Target.Low);

    public bool ShareHolds => Target.Share is not { } s || Share >= s.Least;

    public bool Passed => MedianHolds && BandHolds && ShareHolds;
    public double Miss => Target.Miss(Median);

    /// <summary>Why a target failed, in words; empty when it passed.</summary>
    public string Why => string.Join("; ", new[]
    {
        Members == 0 ? "no member has a value" : null,
        Members > 0 && !MedianHolds ? "median outside the range" : null,
        Members > 0 && !BandHolds ? (Target.ObservedValue is { } o ? $"observed {Target.Format(o)} outside P5–P95" : "P5–P95 does not overlap the range") : null,
        Members > 0 && !ShareHolds ? $"share {Share:P0} below {Target.Share!.Least:P0}" : null,
    }.Where(s => s is not null));
}

/// <summary>Evaluates targets on every member of an ensemble's series.</summary>
public static class TargetEvaluator
{
    /// <summary>The series the targets read, as (entity, metric) pairs.</summary>
    public static IEnumerable<SeriesKey> Needs(IEnumerable<Target> targets) =>
        targets.SelectMany(t => t.Versus is { } v ? [t.Series, v] : new[] { t.Series }).Distinct();

    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<Target> targets, EnsembleSeries series) =>
        targets.Select(t => Evaluate(t, series)).ToList();

    public static TargetResult Evaluate(Target target, EnsembleSeries series)
    {
        var perMember = new List<double>();
        for (int m = 0; m < series.Members; m++)
        {
            var window = series.Window(target.Series, target.From, target.To, m);
            var versus = target.Versus is { } v ? series.Window(v, target.From, target.To, m) : [];
            double value = target.Evaluate(window, versus);
            if (!double.IsNaN(value)) perMember.Add(value);
        }
        var sorted = perMember.Order().ToArray();
        if (sorted.Length == 0) return new TargetResult(target, double.NaN, double.NaN, double.NaN, 0);
        double share = target.Share is { } s ? sorted.Count(x => x <= s.AtMost) / (double)sorted.Length : double.NaN;
        return new TargetResult(target, Quantiles.Of(sorted, 0.5), Quantiles.Of(sorted, 0.05), Quantiles.Of(sorted, 0.95), sorted.Length, share);
    }
}
