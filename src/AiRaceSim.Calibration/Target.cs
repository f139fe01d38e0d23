using System.Globalization;
using AiRaceSim.Model.Series;
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
    /// <summary>
    /// The first month in <c>from..to</c> in which the series is at or above the <c>versus</c>
    /// series (both defined), as a month; +∞ (later than any month) when that never happens.
    /// </summary>
    FirstMonthAtOrAbove,
}

/// <summary>"In at least <see cref="Least"/> of the members the value is at most <see cref="AtMost"/>" (T8: by 2024-12 in ≥ 70 %).</summary>
public sealed record ShareCondition(double AtMost, double Least);

/// <summary>
/// A calibration target (MODEL.md T1–T11): a statistic of one recorded series over a window (or
/// of its difference from a second series, <see cref="Versus"/>), times a scale, whose median
/// over members must lie in [Low, High]; the model's P5–P95 band must hold the observed value
/// (<see cref="ObservedValue"/>) or, where the source gives a range or a rough figure, overlap
/// [Low, High]; and an optional share of members must meet <see cref="Share"/>.
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
    /// <summary>A second series: the statistic reads the first minus this one (or, for <see cref="Statistic.FirstMonthAtOrAbove"/>, compares them).</summary>
    public SeriesKey? Versus { get; init; }
    /// <summary>The observed figure the P5–P95 band must contain; null: the band must overlap the range instead.</summary>
    public double? ObservedValue { get; init; }
    public ShareCondition? Share { get; init; }

    public SeriesKey Series => new(Entity, Metric);

    /// <summary>Values are month indices (shown as yyyy-MM) rather than numbers.</summary>
    public bool InMonths => Statistic == Statistic.FirstMonthAtOrAbove;

    public bool Holds(double value) => value >= Low && value <= High;

    /// <summary>How far a value lies outside the range, in units of the range's width (0 inside).</summary>
    public double Miss(double value)
    {
        if (double.IsNaN(value)) return 10;
        if (double.IsInfinity(value) && !double.IsInfinity(value > High ? High : Low)) return 10;
        double width = double.IsFinite(High - Low) && High > Low ? High - Low : Math.Max(Math.Abs(double.IsFinite(Low) ? Low : High), 1);
        return value < Low ? (Low - value) / width : value > High ? (value - High) / width : 0;
    }

    /// <summary>The statistic of one member's monthly values from <see cref="From"/> to <see cref="To"/>.</summary>
    /// <param name="versus">the <see cref="Versus"/> series over the same months, when the target has one.</param>
    public double Evaluate(ReadOnlySpan<double> window, ReadOnlySpan<double> versus = default)
    {
        if (Statistic == Statistic.FirstMonthAtOrAbove)
        {
            for (int i = 0; i < window.Length; i++)
                if (!double.IsNaN(window[i]) && i < versus.Length && !double.IsNaN(versus[i]) && window[i] >= versus[i]) return (From + i).Index;
            return double.PositiveInfinity;
        }
        if (versus.Length > 0)
        {
            var difference = new double[window.Length];
            for (int i = 0; i < window.Length; i++) difference[i] = window[i] - versus[i];
            window = difference;
        }
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

    /// <summary>A value as the table shows it: a month for month-valued targets, else a number.</summary>
    public string Format(double v) => InMonths && double.IsFinite(v) ? new Month((int)Math.Round(v)).ToString()
        : InMonths && double.IsPositiveInfinity(v) ? "never" : Number(v);

    public static string Number(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : double.IsNaN(v) ? "–"
        : Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture);

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
