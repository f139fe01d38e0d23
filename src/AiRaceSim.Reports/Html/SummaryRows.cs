using System.Globalization;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Html;

/// <summary>A row of the report's summary table: label, the "now" cell (gaps only) and the horizon cell, formatted.</summary>
public sealed record SummaryLine(string Label, string? Now, string End);

/// <summary>
/// The run's summary table rebuilt from its quantiles (the same rows and R-7 percentiles as the
/// table `airace run` prints): capability and compute gaps of every measured pair now and at the
/// horizon, cumulative patents and share of installed compute of each country at the horizon.
/// </summary>
public static class SummaryRows
{
    public static IReadOnlyList<SummaryLine> Of(RunInfo run, QuantileTable q)
    {
        var rows = new List<SummaryLine>();
        var pairs = run.Countries.SelectMany(a => run.Countries.Select(b => (a, b))).Where(p => q.Get($"{p.a}-{p.b}", "capability_gap_months") is not null).ToList();
        int now = q.IndexOf(run.Now), end = q.IndexOf(run.End);
        bool ensemble = run.Members > 1;
        foreach (var (metric, label) in new[] { ("capability_gap_months", "capability gap, {0} behind {1} (months)"), ("compute_gap_months", "compute gap (largest run), {0} behind {1} (months)") })
            foreach (var (of, behind) in pairs)
                if (q.Get($"{of}-{behind}", metric) is { } s)
                    rows.Add(new SummaryLine(string.Format(CultureInfo.InvariantCulture, label, of, behind), Cell(s, now, "F1", ensemble), Cell(s, end, "F1", ensemble)));
        foreach (var c in run.Countries)
            if (q.Get(c, "patents_cumulative") is { } s) rows.Add(new SummaryLine($"cumulative patents, {c}", null, Cell(s, end, "N0", ensemble)));
        foreach (var c in run.Countries)
            if (q.Get(c, "compute_share") is { } s) rows.Add(new SummaryLine($"share of installed compute, {c}", null, Cell(s, end, "P0", ensemble)));
        return rows;
    }

    /// <summary>"median [P5–P95]" (one member: its value), or "–" when no member has a value that month.</summary>
    private static string Cell(QuantileSeries s, int t, string format, bool ensemble)
    {
        if (t < 0 || t >= s.P50.Length || double.IsNaN(s.P50[t])) return "–";
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return ensemble ? $"{F(s.P50[t])} [{F(s.P05[t])}–{F(s.P95[t])}]" : F(s.P50[t]);
    }
}
