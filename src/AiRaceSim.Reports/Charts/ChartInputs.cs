using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>What every run chart is built from: the run's description, its quantiles, its colours and its event lines.</summary>
public sealed class ChartInputs
{
    public RunInfo Run { get; }
    public QuantileTable Quantiles { get; }
    public Palette Palette { get; }
    public IReadOnlyList<EventMark> Marks { get; }
    public IReadOnlyList<EventLine> EventLines { get; }
    public double[] X { get; }

    public ChartInputs(RunInfo run, QuantileTable quantiles)
    {
        Run = run;
        Quantiles = quantiles;
        Palette = new Palette(run.Countries);
        Marks = EventMarks.Of(run, quantiles);
        EventLines = EventMarks.Lines(Marks);
        X = quantiles.X();
    }

    /// <summary>The metrics the charts draw; a run records them whatever its <c>outputs:</c> say.</summary>
    public static readonly string[] Metrics =
    [
        "capability_gap_months", "capability", "largest_run_log_flop", "compute_installed", "compute_share",
        "compute_added_frontier", "compute_added_compliant", "compute_added_smuggled", "compute_added_domestic",
        "patents_cumulative", "adoption", "funding", "revenue", "perceived_gap_months", "export_control_tier", "support",
        "compute_gap_months",
    ];

    /// <summary>The country pair the headline gap chart shows: CN behind US when measured, else the first measured pair.</summary>
    public string? MainPair()
    {
        var pairs = Run.Countries.SelectMany(a => Run.Countries.Select(b => $"{a}-{b}"))
            .Where(p => Quantiles.Get(p, "capability_gap_months") is not null).ToList();
        return pairs.Contains("CN-US") ? "CN-US" : pairs.FirstOrDefault();
    }

    /// <summary>The median of a series as a line, optionally transformed (log10); null when the run has no such series.</summary>
    public Line? Median(string entity, string metric, string name, Func<double, double>? transform = null, Dash dash = Dash.Solid, string? color = null)
    {
        if (Quantiles.Get(entity, metric) is not { } s) return null;
        var y = transform is null ? s.P50 : s.P50.Select(transform).ToArray();
        return y.Any(double.IsFinite) ? new Line(name, color ?? Palette.Of(entity), X, y, dash) : null;
    }

    public static double Log10(double v) => v > 0 ? Math.Log10(v) : double.NaN;

    /// <summary>The run's months, the x range every run chart shares.</summary>
    public (double From, double To) Range => X.Length > 0 ? (X[0], X[^1]) : (0, 1);

    /// <summary>Months after the start that a gap chart's y axis ignores: with no history yet, the first months' gaps run far above the settled range.</summary>
    public const int StartUpMonths = 24;

    /// <summary>The y limits of a gap chart: the band's range after the start-up months, 0 included, with a margin (null: no values).</summary>
    public static (double Bottom, double Top)? Settled(double[] low, double[] high)
    {
        int from = high.Length > 2 * StartUpMonths ? StartUpMonths : 0;
        double bottom = 0, top = double.NegativeInfinity;
        for (int t = from; t < high.Length; t++)
        {
            if (double.IsFinite(high[t])) top = Math.Max(top, high[t]);
            if (double.IsFinite(low[t])) bottom = Math.Min(bottom, low[t]);
        }
        if (!double.IsFinite(top)) return null;
        double margin = Math.Max(1, (top - bottom) * 0.08);
        return (bottom < 0 ? bottom - margin : 0, top + margin);
    }
}
