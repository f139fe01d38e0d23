using System.Globalization;
using System.Text;
using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Html;

namespace AiRaceSim.Reports;

/// <summary>One scenario's gap over its months: median and P5–P95 over members.</summary>
public sealed record CompareSeries(string Scenario, double[] X, double[] Median, double[] P05, double[] P95);

/// <summary>
/// The report of `airace compare … --report DIR`: the gap over time of every scenario (median and
/// P5–P95, the reference — the first — in grey) and the comparison table, as <c>report.html</c>
/// with <c>charts/compare-gap.png</c> and <c>.svg</c>.
/// </summary>
public static class CompareReport
{
    public const string Chart = "compare-gap";
    public static readonly string[] Files = ["report.html", $"charts/{Chart}.png", $"charts/{Chart}.svg"];

    public static Figure Figure(string pair, string metric, IReadOnlyList<CompareSeries> scenarios)
    {
        var (follower, leader) = (pair[..pair.IndexOf('-')], pair[(pair.IndexOf('-') + 1)..]);
        string what = metric == "compute_gap_months" ? "Compute gap (largest run)" : "Capability gap";
        var panel = new Panel($"{what}: months {follower} is behind {leader}, by scenario (median and P5–P95)", $"months {follower} behind {leader}")
        {
            XRange = (scenarios.Min(s => s.X[0]), scenarios.Max(s => s.X[^1])),
        };
        if (Settled(scenarios) is { } y) panel = panel with { YMin = y.Bottom, YMax = y.Top };
        for (int i = 0; i < scenarios.Count; i++)
        {
            var s = scenarios[i];
            string color = i == 0 ? Palette.Reference : Palette.Scenario(i - 1);
            panel.Bands.Add(new Band($"{s.Scenario}, P5–P95", color, s.X, s.P05, s.P95, i == 0 ? 0.3 : 0.12));
        }
        for (int i = 1; i < scenarios.Count; i++)
            panel.Lines.Add(new Line(scenarios[i].Scenario, Palette.Scenario(i - 1), scenarios[i].X, scenarios[i].Median));
        // The reference on top, dashed, so that it shows where a scenario follows it.
        panel.Lines.Add(new Line($"{scenarios[0].Scenario} (reference)", Palette.Neutral, scenarios[0].X, scenarios[0].Median, Dash.Dashed, 2.5f));
        return new Figure(Chart, panel.Title, [panel]);
    }

    private static (double Bottom, double Top)? Settled(IReadOnlyList<CompareSeries> scenarios)
    {
        var ranges = scenarios.Select(s => ChartInputs.Settled(s.P05, s.P95)).OfType<(double Bottom, double Top)>().ToList();
        return ranges.Count == 0 ? null : (ranges.Min(r => r.Bottom), ranges.Max(r => r.Top));
    }

    /// <summary>Writes the chart and report.html into <paramref name="folder"/> (which exists and is empty).</summary>
    public static void Write(string folder, string pair, string metric, int members, IReadOnlyList<CompareSeries> scenarios,
        IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var charts = Path.Combine(folder, RunReport.Charts);
        Directory.CreateDirectory(charts);
        var figure = Figure(pair, metric, scenarios);
        FigureRenderer.Save(figure, charts);
        var html = new StringBuilder();
        html.Append("<h1>").Append(HtmlText.E($"Comparison of {scenarios.Count} scenarios: {metric.Replace('_', ' ')} of {pair}")).Append("</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>Each scenario run with {members} members. The first scenario, {HtmlText.E(scenarios[0].Scenario)}, is the reference (grey); ")
            .Append("the table gives each scenario's median and P5–P95 at the chosen months and its difference from the reference's median.</p>\n")
            .Append("<ul>\n<li><strong>Months behind</strong>: how long ago the leader stood where the follower stands now; negative: the follower leads.</li>\n")
            .Append("<li><strong>Median [P5–P95]</strong>: the middle member, and the range that holds 90 % of members.</li>\n</ul>\n");
        HtmlText.Table(html, header, rows);
        HtmlText.Figure(html, File.ReadAllText(Path.Combine(charts, Chart + ".svg")), figure.Title, string.Join(", ", Files.Skip(1)));
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlText.Page($"Comparison: {pair}", html.ToString()), new UTF8Encoding(false));
    }
}
