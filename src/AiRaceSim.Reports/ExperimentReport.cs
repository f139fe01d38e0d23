using System.Text;
using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Html;

namespace AiRaceSim.Reports;

/// <summary>One analysis's section of an experiment's report: a heading, what it shows, a table and its chart.</summary>
public sealed record ExperimentSection(string Heading, string Explanation, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows,
    Func<string, IReadOnlyList<string>>? Chart, string ChartCaption);

/// <summary>
/// `report.html` of an experiment, beside its tables: the question, the design and, per analysis, its
/// table and chart (charts/*.png and .svg, the SVG inlined). Self-contained: nothing is fetched.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes charts/ and report.html into <paramref name="folder"/>; returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(string folder, string title, string? description, IReadOnlyList<string> designLines, IReadOnlyList<ExperimentSection> sections)
    {
        var charts = Path.Combine(folder, RunReport.Charts);
        Directory.CreateDirectory(charts);
        var written = new List<string>();
        var html = new StringBuilder();
        html.Append("<h1>").Append(HtmlText.E(title)).Append("</h1>\n");
        if (description is not null) html.Append("<p>").Append(HtmlText.E(description)).Append("</p>\n");
        html.Append("<ul>\n");
        foreach (var line in designLines) html.Append("<li>").Append(HtmlText.E(line)).Append("</li>\n");
        html.Append("</ul>\n");
        foreach (var s in sections)
        {
            html.Append("<h2>").Append(HtmlText.E(s.Heading)).Append("</h2>\n<p>").Append(HtmlText.E(s.Explanation)).Append("</p>\n");
            if (s.Header.Count > 0) HtmlText.Table(html, s.Header, s.Rows);
            if (s.Chart is null) continue;
            var files = s.Chart(charts).Select(f => $"{RunReport.Charts}/{f}").ToList();
            written.AddRange(files);
            var svg = files.First(f => f.EndsWith(".svg", StringComparison.Ordinal));
            HtmlText.Figure(html, File.ReadAllText(Path.Combine(folder, svg)), s.ChartCaption, string.Join(", ", files));
        }
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlText.Page(title, html.ToString()), new UTF8Encoding(false));
        written.Add("report.html");
        return written;
    }
}
