using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AiRaceSim.Reports;
using AiRaceSim.Reports.Charts;

namespace AiRaceSim.Cli.Tests;

/// <summary>The charts and report of a 50-member baseline run, read as data (figures, SVG text), not as pixels.</summary>
[Collection(BaselineReportCollection.Name)]
public sealed class ReportChartTests(BaselineReportFixture run)
{
    private static readonly string[] Charts = ["gap", "frontier", "compute", "patents", "adoption", "money", "firm-gaps", "perception"];

    private IReadOnlyList<Figure> Figures() => RunReport.Figures(RunReport.Inputs(run.Folder));

    private static double MonthOf(string yyyyMm) => int.Parse(yyyyMm[..4], CultureInfo.InvariantCulture) * 12 + int.Parse(yyyyMm[5..7], CultureInfo.InvariantCulture) - 1;

    [Fact]
    public void A_run_writes_every_chart_as_png_and_svg_and_lists_them_in_the_manifest()
    {
        foreach (var chart in Charts)
        {
            Assert.True(File.Exists(Path.Combine(run.Folder, "charts", chart + ".png")), chart + ".png");
            Assert.True(File.Exists(Path.Combine(run.Folder, "charts", chart + ".svg")), chart + ".svg");
        }
        Assert.True(File.Exists(Path.Combine(run.Folder, "report.html")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Folder, "manifest.json")));
        var outputs = manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()).ToHashSet();
        var present = Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.Folder, f).Replace('\\', '/')).ToList();
        Assert.All(present, f => Assert.Contains(f, outputs));     // nothing in the folder the manifest does not list
        Assert.All(outputs, o => Assert.Contains(o, present));     // and nothing listed that is missing
        Assert.Contains("report.html", run.Stdout);
    }

    [Fact]
    public void The_gap_chart_median_and_bands_are_the_quantiles_of_the_file()
    {
        var gap = Figures().Single(f => f.Name == "gap").Panels.Single();
        var q = run.Quantiles("capability_gap_months");
        var median = gap.Lines.Single(l => l.Name == "median");
        var outer = gap.Bands.Single(b => b.Name.StartsWith("P5–P95", StringComparison.Ordinal));
        var inner = gap.Bands.Single(b => b.Name.StartsWith("P25–P75", StringComparison.Ordinal));
        foreach (var date in new[] { "2014-06", "2020-01", "2024-07", "2026-01", "2030-01", "2035-12" })
        {
            int i = Array.IndexOf(median.X, MonthOf(date));
            Assert.True(i >= 0, date);
            var row = q[("CN-US", "capability_gap_months", date)];
            Assert.Equal(row[2], median.Y[i]);
            Assert.Equal((row[0], row[4]), (outer.Low[i], outer.High[i]));
            Assert.Equal((row[1], row[3]), (inner.Low[i], inner.High[i]));
        }
    }

    [Fact]
    public void Event_lines_sit_at_the_scenario_s_event_months()
    {
        var events = Figures().Single(f => f.Name == "gap").Panels.Single().Events;
        // From scenarios/baseline.yaml: id → date.
        foreach (var (id, date) in new[] { ("bis-2022-10", "2022-10"), ("llama", "2023-02"), ("bis-2023-11", "2023-11"), ("openai-api-block", "2024-07"), ("h20-licence", "2025-04") })
        {
            var line = events.Single(e => e.Label.Contains(id, StringComparison.Ordinal));
            Assert.Equal(MonthOf(date), line.Month);
            Assert.StartsWith(date + " ", line.Label);
        }
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Number));
        Assert.Equal(events.Select(e => e.Month).Order(), events.Select(e => e.Month));
    }

    [Fact]
    public void The_epoch_points_are_the_rows_of_the_shipped_file()
    {
        var points = Figures().Single(f => f.Name == "frontier").Panels[1].Points;
        var file = Path.Combine(OtherCommandTests.RepositoryRoot(), "data", "epoch", "large-scale-ai-models-to-2023.csv");
        var rows = File.ReadLines(file).Skip(1).Select(l => l.Split(',')).ToList();
        // data/epoch/README.md: a row's country is its first listed one; Hong Kong counts as CN.
        string First(string countries) => countries.Split(';')[0].Trim() is "Hong Kong (China)" ? "China" : countries.Split(';')[0].Trim();
        foreach (var (country, name) in new[] { ("US", "United States"), ("CN", "China"), ("UK", "United Kingdom"), ("KR", "Korea (Republic of)") })
        {
            // No field of the file holds a quoted comma, so splitting on commas reads it.
            var expected = rows.Where(f => First(f[2]) == name && f[4].Length > 0).Select(f =>
            {
                var d = DateTime.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return (d.Year * 12 + d.Month - 1 + (d.Day - 1) / (double)DateTime.DaysInMonth(d.Year, d.Month), Math.Log10(double.Parse(f[4], CultureInfo.InvariantCulture)));
            }).ToList();
            var drawn = points.Single(p => p.Name == $"Epoch AI, {country}");
            var pairs = drawn.X.Zip(drawn.Y).ToList();
            Assert.Equal(expected.Count, pairs.Count);
            foreach (var e in expected) Assert.Contains(pairs, p => p.First == e.Item1 && Math.Abs(p.Second - e.Item2) < 1e-12);
        }
    }

    [Fact]
    public void The_svg_holds_axis_titles_series_names_and_event_labels_as_text()
    {
        var svg = XDocument.Load(Path.Combine(run.Folder, "charts", "gap.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
        Assert.Contains("months CN behind US", texts);
        Assert.Contains("Capability gap: months CN is behind US", texts);
        Assert.Contains("median", texts);
        Assert.Contains("P5–P95 of members", texts);
        // Events: only their numbers on the chart (a legend of them was cut off); the names are in the report's table.
        Assert.DoesNotContain(texts, t => t.Contains("openai-api-block", StringComparison.Ordinal));
        var api = Figures().Single(f => f.Name == "gap").Panels[0].Events.Single(e => e.Label.Contains("openai-api-block", StringComparison.Ordinal));
        Assert.Contains(api.Number.ToString(CultureInfo.InvariantCulture), texts);
        Assert.Contains($"<td>{api.Number}</td><td>2024-07</td><td>openai-api-block</td>", File.ReadAllText(Path.Combine(run.Folder, "report.html")));
        Assert.Contains("2024-01", texts); // an ISO tick label
        var frontier = XDocument.Load(Path.Combine(run.Folder, "charts", "frontier.svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
        Assert.Contains("Epoch AI, US", frontier);
        Assert.Contains("log10 FLOP", frontier);
    }

    [Fact]
    public void The_report_explains_the_table_and_holds_charts_events_and_manifest_inline()
    {
        var html = File.ReadAllText(Path.Combine(run.Folder, "report.html"));
        Assert.Contains("<h1>baseline</h1>", html);
        Assert.Contains("Months behind", html);
        Assert.Contains("P5–P95", html);
        Assert.Contains("empty cell", html);
        Assert.Contains("Events by date", html);
        Assert.Contains("openai-api-block", html);
        Assert.Contains("seed 20240709", html);
        Assert.Contains("CC BY 4.0", html);
        Assert.Equal(Charts.Length, html.Split("<svg xmlns").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_s_summary_table_shows_the_cells_the_run_printed()
    {
        // The run's table comes from the members' values as they streamed by, the report's from quantiles.csv.
        var html = File.ReadAllText(Path.Combine(run.Folder, "report.html"));
        // The printed table may wrap a long label; its first line holds the cells.
        foreach (var (start, label) in new[] { ("| capability gap, CN behind US", "capability gap, CN behind US (months)"),
            ("| cumulative patents, CN ", "cumulative patents, CN"), ("| share of installed compute, US ", "share of installed compute, US") })
        {
            var printed = run.Stdout.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal));
            var cells = printed.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0).Skip(1).ToList();
            var row = html[html.IndexOf($"<td>{label}</td>", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Contains($">{System.Net.WebUtility.HtmlEncode(c)}</td>", row));
        }
    }

    [Fact]
    public async Task Airace_report_rebuilds_the_same_report_from_the_folder()
    {
        // On a copy: the other tests share the fixture's folder, which this one must not change.
        var copy = Directory.CreateTempSubdirectory("airace-rebuild-");
        try
        {
            foreach (var file in Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(run.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var before = File.ReadAllBytes(Path.Combine(copy.FullName, "report.html"));
            var png = File.ReadAllBytes(Path.Combine(copy.FullName, "charts", "gap.png"));
            File.Delete(Path.Combine(copy.FullName, "report.html"));
            Directory.Delete(Path.Combine(copy.FullName, "charts"), recursive: true);
            var stdout = new StringWriter();
            int code = await AiraceCommand.RunAsync(["report", copy.FullName], stdout, new StringWriter());
            Assert.Equal(0, code);
            Assert.Equal(before, File.ReadAllBytes(Path.Combine(copy.FullName, "report.html")));
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(copy.FullName, "charts", "gap.png")));
            Assert.True(File.Exists(Path.Combine(run.Folder, "report.html")) && Directory.Exists(Path.Combine(run.Folder, "charts")));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
