using AiRaceSim.Model.Time;

namespace AiRaceSim.Calibration;

/// <summary>How a target reduces one member's series to a number.</summary>
public enum Statistic
{
    /// <summary>The value in month <c>from</c>.</summary>
    At,
    Mean,
    Max,
    Min,
    Sum,
    /// <summary>For a log10 series: 10^(Δ / years) between <c>from</c> and <c>to</c>, the yearly growth factor.</summary>
    GrowthPerYear,
}

/// <summary>
/// A calibration target (MODEL.md T1–T6): a statistic of one recorded series over a window, times
/// a scale, that must lie in [Low, High]. An ensemble passes when its median does.
/// </summary>
public sealed record Target
{
    public required string Id { get; init; }
    public required string What { get; init; }
    public required string Observed { get; init; }
    public required string Source { get; init; }
    public required string Entity { get; init; }
    public required string Metric { get; init; }
    public required Statistic Statistic { get; init; }
    public required Month From { get; init; }
    public required Month To { get; init; }
    public double Scale { get; init; } = 1;
    public required double Low { get; init; }
    public required double High { get; init; }
    public double Weight { get; init; } = 1;

    public bool Holds(double value) => value >= Low && value <= High;

    /// <summary>How far a value lies outside the range, in units of the range's width (0 inside).</summary>
    public double Miss(double value)
    {
        if (double.IsNaN(value)) return 10;
        double width = double.IsFinite(High - Low) && High > Low ? High - Low : Math.Max(Math.Abs(double.IsFinite(Low) ? Low : High), 1);
        return value < Low ? (Low - value) / width : value > High ? (value - High) / width : 0;
    }

    /// <summary>The statistic of one member's monthly values from <see cref="From"/> to <see cref="To"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> window)
    {
        double v = Statistic switch
        {
            Statistic.At => window[0],
            Statistic.Mean => Reduce(window, 0, (a, x) => a + x) / Count(window),
            Statistic.Max => Reduce(window, double.NegativeInfinity, Math.Max),
            Statistic.Min => Reduce(window, double.PositiveInfinity, Math.Min),
            Statistic.Sum => Reduce(window, 0, (a, x) => a + x),
            _ => Math.Pow(10, (window[^1] - window[0]) / ((To - From) / 12.0)),
        };
        return v * Scale;
    }

    private static double Reduce(ReadOnlySpan<double> xs, double seed, Func<double, double, double> f)
    {
        double acc = seed;
        bool any = false;
        foreach (var x in xs) if (!double.IsNaN(x)) { acc = f(acc, x); any = true; }
        return any ? acc : double.NaN;
    }

    private static int Count(ReadOnlySpan<double> xs)
    {
        int n = 0;
        foreach (var x in xs) if (!double.IsNaN(x)) n++;
        return n;
    }
}
