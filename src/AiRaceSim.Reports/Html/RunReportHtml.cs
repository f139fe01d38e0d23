using System.Globalization;
using System.Text;
using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Data;
using static AiRaceSim.Reports.Html.HtmlText;

namespace AiRaceSim.Reports.Html;

/// <summary>The text of a run's report.html: the scenario, its summary explained, the charts inline, the events, the calibration and the manifest.</summary>
public static class RunReportHtml
{
    public static string Build(ChartInputs c, IReadOnlyList<Figure> figures, IReadOnlyList<LeftOutChart> leftOut, IReadOnlyDictionary<string, string> svgs,
        CalibrationFile? calibration, IReadOnlyList<string> outputs)
    {
        var run = c.Run;
        bool ensemble = run.Members > 1;
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(run.Name)).Append("</h1>\n");
        if (run.Description.Length > 0) html.Append("<p>").Append(E(run.Description)).Append("</p>\n");
        if (run.Question is { } q) html.Append("<p><strong>Question:</strong> ").Append(E(q)).Append("</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{run.Start}..{run.End}, \"now\" {run.Now}; {run.Members} member{(ensemble ? "s" : "")}, seed {run.Seed}.</p>\n");

        html.Append("<h2>Summary</h2>\n");
        string cell = ensemble ? " (median [P5–P95])" : "";
        Table(html, ["", $"{run.Now}{cell}", $"{run.End}{cell}"], SummaryRows.Of(run, c.Quantiles).Select(r => (IReadOnlyList<string>)[r.Label, r.Now ?? "", r.End]));
        html.Append("<ul>\n")
            .Append("<li><strong>Months behind</strong>: how long ago the leader stood where the follower stands now (Sicherl's time distance). ")
            .Append("A gap of 6 months in 2026-01 means the follower's frontier then equals the leader's of 2025-07. A negative gap means the follower leads.</li>\n");
        if (ensemble)
            html.Append(CultureInfo.InvariantCulture, $"<li><strong>Median [P5–P95]</strong>: the run is an ensemble of {run.Members} members, each drawing its uncertain parameters anew. ")
                .Append("The median is the middle member; 90 % of members lie between P5 and P95 (5 % below, 5 % above). On the charts the darker band is P25–P75 (half the members), the lighter P5–P95.</li>\n");
        html.Append("<li>An <strong>empty cell</strong>: the row has no value at that date by design (patents and compute shares are shown at the horizon only).</li>\n")
            .Append("<li><strong>–</strong>: no member has a value there, e.g. a gap before the follower has any level of its own.</li>\n")
            .Append("<li>Compute shares are of installed compute, in H100-equivalents; patents are families counted from the scenario's start.</li>\n</ul>\n");

        html.Append("<h2>Charts</h2>\n");
        if (c.Quantiles.Months > 0)
            html.Append("<p>Dates are ISO months (yyyy-MM). Each country keeps one colour on every chart. Numbered dashed lines are the events of the table <em>Events by date</em> below, by line number.</p>\n");
        if (leftOut.Count > 0)
        {
            html.Append("<p><strong>Charts left out</strong>:</p>\n<ul>\n");
            foreach (var l in leftOut)
                html.Append("<li>").Append(E(l.Chart.Name)).Append(" (").Append(E(l.Chart.What)).Append("): ").Append(E(l.Why)).Append(".</li>\n");
            html.Append("</ul>\n");
        }
        foreach (var f in figures)
            Figure(html, svgs[f.Name], f.Note is null ? f.Title : $"{f.Title}. {f.Note}", $"{RunReport.Charts}/{f.Name}.png, {RunReport.Charts}/{f.Name}.svg");

        html.Append("<h2>Events by date</h2>\n");
        var numbers = c.EventLines.ToDictionary(l => (int)l.Month, l => l.Number);
        Table(html, ["line", "date", "event", "what"], c.Marks.Select(m => (IReadOnlyList<string>)[
            numbers.TryGetValue(m.Date.Index, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "", m.Date.ToString(), m.Label, m.What]), 3);
        if (c.Run.Rules.Count > 0)
            html.Append("<p>Rule firings (marked <em>(median)</em>) are read from the median across members: the months the target's export-control tier (or support) rises with no scheduled event of that kind. ")
                .Append("Consecutive rising months count as one firing, dated where the median reaches its new level (with an even number of members the median averages two, which can rise a month apart). Single members may fire at other months or not at all.</p>\n");

        if (calibration is not null)
        {
            html.Append("<h2>Calibration</h2>\n")
                .Append(CultureInfo.InvariantCulture, $"<p>Targets from {E(calibration.Targets)}, checked with {calibration.Members} members (<code>airace calibrate … --report</code>). A target passes when the model's median lies in its range.</p>\n");
            var rows = calibration.Rows.Select(r => (IReadOnlyList<string>)[$"{r.Id}: {r.What}", $"{r.Observed} ({r.Source})", $"{N(r.Median)} [{N(r.P05)}–{N(r.P95)}]", $"{N(r.Low)}–{N(r.High)}", r.Passed ? "pass" : "MISS"]);
            Table(html, ["target", "observed (source)", "model: median [P5–P95]", "range", ""], rows, 2);
            html.Append(CultureInfo.InvariantCulture, $"<p>{calibration.Rows.Count(r => r.Passed)} of {calibration.Rows.Count} targets pass.</p>\n");
        }

        html.Append("<h2>Manifest</h2>\n<ul>\n")
            .Append(CultureInfo.InvariantCulture, $"<li>seed {run.Seed}, {run.Members} member{(ensemble ? "s" : "")}; AiRaceSim {E(run.Version)}, commit <span class=\"hash\">{E(run.Commit)}</span></li>\n");
        foreach (var f in run.Files)
            html.Append("<li>scenario file ").Append(E(f.Path)).Append(", SHA-256 <span class=\"hash\">").Append(E(f.Sha256)).Append("</span></li>\n");
        html.Append("<li>files of this folder: ").Append(E(string.Join(", ", outputs))).Append("</li>\n</ul>\n");
        html.Append("<h2>Sources of observed points</h2>\n<ul>\n<li>").Append(E(ObservedData.EpochAttribution)).Append("</li>\n");
        foreach (var source in new[] { "patents", "adoption" }.SelectMany(ObservedData.Points).Select(p => p.Source).Distinct())
            html.Append("<li>").Append(E(source)).Append("</li>\n");
        html.Append("</ul>\n");
        return Page($"{run.Name}: AiRaceSim report", html.ToString());
    }

    private static string N(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : double.IsNaN(v) ? "–"
        : Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture);
}
