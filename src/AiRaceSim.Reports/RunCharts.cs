using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports;

/// <summary>
/// One chart of a run's report: its file name, what it shows, the metrics it draws, whether the
/// scenario has anything for it (firms, perceptions, a pair of countries) and how it is built.
/// </summary>
public sealed record RunChart(string Name, string What, string[] Metrics, Func<RunInfo, bool> Applies, Func<ChartInputs, Figure?> Build);

/// <summary>A chart the scenario has data for but the report could not draw, and why.</summary>
public sealed record LeftOutChart(RunChart Chart, string Why);

/// <summary>
/// The charts of a run's report, in report order. A chart the scenario applies to is drawn from
/// the run's series; when they are missing (a run of one member with --no-report and an
/// <c>outputs:</c> selection writes only the selected series), the report says which chart it
/// left out and why instead of silently showing fewer. A chart whose series hold only zeros or
/// empty values is not drawn and not listed: it would say nothing.
/// </summary>
public static class RunCharts
{
    private static bool Countries(RunInfo r) => r.Countries.Count > 0;

    public static readonly IReadOnlyList<RunChart> All =
    [
        new("gap", "capability gap between two countries", ["capability_gap_months"], r => r.Countries.Count >= 2, GapCharts.Gap),
        new("frontier", "frontier capability and largest training run", ["capability", "largest_run_log_flop"], Countries, c => WorldCharts.Frontier(c, ObservedData.EpochModels())),
        new("compute", "installed compute, its share and chip channels", ["compute_installed", "compute_share"], Countries, WorldCharts.Compute),
        new("patents", "cumulative patent families", ["patents_cumulative"], Countries, WorldCharts.Patents),
        new("adoption", "adoption", ["adoption"], Countries, WorldCharts.Adoption),
        new("money", "funding and revenue", ["funding", "revenue"], Countries, WorldCharts.Money),
        new("firm-gaps", "each firm's capability gap", ["capability_gap_months"], r => r.Firms.Count > 0, GapCharts.FirmGaps),
        new("perception", "perceived against measured gap", ["perceived_gap_months"], r => r.Perceptions.Count > 0, GapCharts.Perception),
    ];

    /// <summary>The figures drawn, and the applicable charts left out with the reason.</summary>
    public static (IReadOnlyList<Figure> Figures, IReadOnlyList<LeftOutChart> LeftOut) Build(ChartInputs c, string source)
    {
        var figures = new List<Figure>();
        var leftOut = new List<LeftOutChart>();
        foreach (var chart in All)
        {
            if (chart.Build(c) is { } figure) figures.Add(figure);
            // A chart whose series are there but say nothing (all empty or 0: no patents in a world without them) is not missing.
            else if (chart.Applies(c.Run) && !chart.Metrics.All(c.Quantiles.HoldsNothing))
                leftOut.Add(new LeftOutChart(chart, chart.Metrics.Any(c.Quantiles.Has)
                    ? $"{source} holds no value of its series ({string.Join(", ", chart.Metrics)}) for the entities it draws"
                    : $"{source} holds none of its series ({string.Join(", ", chart.Metrics)}): the run wrote only the series of its outputs: selection (a run of one member with --no-report writes no quantiles.csv)"));
        }
        return (figures, leftOut);
    }
}
