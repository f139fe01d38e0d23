using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Data;
using AiRaceSim.Reports.Html;

namespace AiRaceSim.Reports;

/// <summary>
/// A run folder's charts (<c>charts/*.png</c>, <c>charts/*.svg</c>) and its self-contained
/// <c>report.html</c>, built only from files in the folder: manifest.json (the resolved scenario)
/// and quantiles.csv (series.csv for a single member), plus calibration.json when present. The
/// files replace an earlier report's and are listed in the manifest's outputs.
/// </summary>
public static class RunReport
{
    public const string Html = "report.html", Charts = "charts";

    /// <summary>The figures of a run, in report order (those the run has data for).</summary>
    public static IReadOnlyList<Figure> Figures(ChartInputs c) => RunCharts.Build(c, "the run").Figures;

    /// <summary>
    /// Loads the fonts and draws a small chart off-screen, so that a run can pay ScottPlot's and
    /// Skia's first-use cost (about half a second) while it simulates rather than after.
    /// </summary>
    public static Task WarmUpAsync() => Task.Run(() =>
    {
        ChartFonts.EnsureRegistered();
        using var plot = new ScottPlot.Plot();
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 });
        plot.Title("warm-up");
        plot.GetImageBytes(120, 70, ScottPlot.ImageFormat.Png);
        _ = plot.GetSvgXml(120, 70);
    });

    public static ChartInputs Inputs(string folder)
    {
        var run = RunInfo.Load(folder);
        return new(run, QuantileTable.Load(folder, new HashSet<string>(ChartInputs.Metrics), run.Start, run.End));
    }

    /// <summary>Writes the charts and report.html into <paramref name="folder"/>; returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        var inputs = Inputs(folder);
        var charts = Path.Combine(folder, Charts);
        var staging = Path.Combine(folder, $".{Charts}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var (figures, leftOut) = RunCharts.Build(inputs, QuantileTable.SourceIn(folder) ?? "the run");
            // Figures draw independently (each its own plots and surface): in parallel, written in figure order.
            var files = new IReadOnlyList<string>[figures.Count];
            Parallel.For(0, figures.Count, i => files[i] = FigureRenderer.Save(figures[i], staging));
            var written = files.SelectMany(f => f).Select(n => $"{Charts}/{n}").ToList();
            var svgs = figures.ToDictionary(f => f.Name, f => File.ReadAllText(Path.Combine(staging, f.Name + ".svg")));
            if (Directory.Exists(charts)) Directory.Delete(charts, recursive: true);
            Directory.Move(staging, charts);
            written.Add(Html);
            var outputs = ManifestOutputs.Update(folder, o => o == Html || o.StartsWith(Charts + "/", StringComparison.Ordinal), written);
            var html = RunReportHtml.Build(inputs, figures, leftOut, svgs, CalibrationFile.Read(folder), outputs);
            var temporary = Path.Combine(folder, Html + ".partial");
            File.WriteAllText(temporary, html, new System.Text.UTF8Encoding(false));
            File.Move(temporary, Path.Combine(folder, Html), overwrite: true);
            return written;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
