namespace AiRaceSim.Calibration;

/// <summary>
/// Sample quantiles by R's type 7 (linear between order statistics, as MathNet's R7) that also
/// take infinite values: a month that never comes is +∞, and a quantile that interpolates towards
/// an infinity (or between two equal ones) is that infinity rather than NaN.
/// </summary>
public static class Quantiles
{
    /// <param name="sorted">ascending, no NaN.</param>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Count - 1);
        double a = sorted[lo], b = sorted[hi];
        if (a == b || h == lo) return a;
        if (double.IsInfinity(b)) return b;            // between a finite value and +∞ (or two +∞)
        if (double.IsNegativeInfinity(a)) return a;    // between −∞ and a finite value: −∞ + ∞ would be NaN
        return a + (h - lo) * (b - a);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return Of(sorted, 0.5);
    }
}
