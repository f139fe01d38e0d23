using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Values;

/// <summary>The values a distribution can take, to check it against a key's range.</summary>
internal static class DistributionSupport
{
    public static Interval Of(Distribution d) => d switch
    {
        Fixed f => Interval.Point(f.Value),
        NormalDist n when n.StdDev == 0 => Interval.Point(n.Mean),
        NormalDist => new Interval(double.NegativeInfinity, true, double.PositiveInfinity, true),
        LogNormalDist => new Interval(0, true, double.PositiveInfinity, true),
        BetaDist b => new Interval(b.Lower, true, b.Upper, true),
        UniformDist u => new Interval(u.Lower, false, u.Upper, false),
        TriangularDist t => new Interval(t.Lower, false, t.Upper, false),
        DiscreteDist x => Values(x),
        PoissonDist or NegativeBinomialDist => new Interval(0, false, double.PositiveInfinity, true),
        _ => throw new ArgumentException($"no support known for {d.GetType().Name}"),
    };

    /// <summary>
    /// Why the distribution does not fit the range, or null when it does. A bounded family must lie
    /// inside; for an unbounded tail (normal, lognormal, counts) the finite end and the centre are
    /// checked, not the tail, unless every draw must be in range (the kernel rejects the others).
    /// </summary>
    public static string? Outside(Distribution d, string family, InRangeAttribute range)
    {
        var full = Of(d);
        if (range.Contains(full)) return null;
        if (!range.EveryDraw)
        {
            // A lognormal comes as close to 0 as it likes: below a positive minimum, its low end is a tail too.
            bool lowTail = double.IsInfinity(full.Low) || (d is LogNormalDist && range.Min > 0), highTail = double.IsInfinity(full.High);
            double centre = d.Central;
            var finite = new Interval(lowTail ? centre : full.Low, !lowTail && full.LowOpen, highTail ? centre : full.High, !highTail && full.HighOpen);
            if (range.Contains(finite)) return null;
            if ((lowTail || highTail) && !range.Contains(centre))
                return $"this {family}'s {(d is LogNormalDist ? "median" : "mean")} is {Scalars.Format(centre)}";
        }
        return $"this {family} can take values in {full}";
    }

    /// <summary>Smallest and largest value of the distribution, where it has them (for tier checks).</summary>
    public static (double Low, double High)? Bounds(Distribution d)
    {
        var s = Of(d);
        return double.IsInfinity(s.Low) || double.IsInfinity(s.High) ? null : (s.Low, s.High);
    }

    private static Interval Values(DiscreteDist x)
    {
        var used = x.Values.Where((_, i) => x.Weights[i] > 0).ToList();
        return new Interval(used.Min(), false, used.Max(), false);
    }
}
