using System.Globalization;
using AiRaceSim.Output;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Html;

/// <summary>A row of the report's summary table: label, the "now" cell (gaps only) and the horizon cell, formatted.</summary>
public sealed record SummaryLine(string Label, string? Now, string End);

/// <summary>
/// The run's summary table rebuilt from its quantiles (the same rows and R-7 percentiles as the
/// table `airace run` prints, <see cref="RunSummary"/>): capability and compute gaps of every
/// measured pair now and at the horizon, in a small world each firm's gap behind the world frontier,
/// cumulative patents and share of installed compute of each country at the horizon; a row whose
/// cells are all empty or 0 [0–0] is left out.
/// </summary>
public static class SummaryRows
{
    public static IReadOnlyList<SummaryLine> Of(RunInfo run, QuantileTable q)
    {
        var rows = new List<SummaryLine>();
        var pairs = run.Countries.SelectMany(a => run.Countries.Select(b => (a, b))).Where(p => q.Get($"{p.a}-{p.b}", "capability_gap_months") is not null).ToList();
        int now = q.IndexOf(run.Now), end = q.IndexOf(run.End);
        bool ensemble = run.Members > 1;
        void Add(string label, QuantileSeries s, string format, bool withNow)
        {
            if (SaysNothing(s, end) && (!withNow || SaysNothing(s, now))) return;
            rows.Add(new SummaryLine(label, withNow ? Cell(s, now, format, ensemble) : null, Cell(s, end, format, ensemble)));
        }
        foreach (var (metric, label) in new[] { ("capability_gap_months", "capability gap, {0} behind {1} (months)"), ("compute_gap_months", "compute gap (largest run), {0} behind {1} (months)") })
            foreach (var (of, behind) in pairs)
                if (q.Get($"{of}-{behind}", metric) is { } s)
                    Add(string.Format(CultureInfo.InvariantCulture, label, of, behind), s, "F1", true);
        if (run.Firms.Count <= RunSummary.FirmRowsUpTo)
            foreach (var f in run.Firms)
                if (q.Get(f.Id, "capability_gap_months") is { } s) Add(RunSummary.FirmGapLabel(f.Id), s, "F1", true);
        foreach (var c in run.Countries)
            if (q.Get(c, "patents_cumulative") is { } s) Add($"cumulative patents, {c}", s, "N0", false);
        foreach (var c in run.Countries)
            if (q.Get(c, "compute_share") is { } s) Add($"share of installed compute, {c}", s, "P0", false);
        return rows;
    }

    /// <summary>As <see cref="SummaryCell.SaysNothing"/>: no member has a value that month, or its median and P5–P95 are all 0.</summary>
    private static bool SaysNothing(QuantileSeries s, int t) =>
        t < 0 || t >= s.P50.Length || double.IsNaN(s.P50[t]) || (s.P50[t] == 0 && s.P05[t] == 0 && s.P95[t] == 0);

    /// <summary>"median [P5–P95]" (one member: its value), or "–" when no member has a value that month.</summary>
    private static string Cell(QuantileSeries s, int t, string format, bool ensemble)
    {
        if (t < 0 || t >= s.P50.Length || double.IsNaN(s.P50[t])) return "–";
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return ensemble ? $"{F(s.P50[t])} [{F(s.P05[t])}–{F(s.P95[t])}]" : F(s.P50[t]);
    }
}
