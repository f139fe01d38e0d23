using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace AiRaceSim.Reports.Charts;

/// <summary>
/// Draws a <see cref="Figure"/> with ScottPlot as <c>NAME.png</c> and <c>NAME.svg</c> (1200×700 by
/// default): panels on a grid, ISO dates (yyyy-MM) on the x axis, the shipped fonts, event lines
/// numbered at the top (named in the report's table of events; the legend holds the series only).
/// </summary>
public static partial class FigureRenderer
{
    public const int Width = 1200, Height = 700;

    /// <summary>Writes the PNG and SVG into <paramref name="folder"/>; returns their file names.</summary>
    public static IReadOnlyList<string> Save(Figure figure, string folder, int width = Width, int height = Height)
    {
        ChartFonts.EnsureRegistered();
        var cells = Cells(figure, width, height);
        var plots = figure.Panels.Select(p => Build(figure, p, small: figure.Panels.Count > 2)).ToList();
        try
        {
            using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
            {
                surface.Canvas.Clear(SKColors.White);
                for (int i = 0; i < plots.Count; i++)
                {
                    var r = cells[i];
                    surface.Canvas.Save();
                    surface.Canvas.ClipRect(new SKRect(r.Left, r.Top, r.Right, r.Bottom));
                    plots[i].Render(surface.Canvas, r);
                    surface.Canvas.Restore();
                }
                // zlib level 3 with the Sub filter: about twice as fast to encode as Skia's default, files about 30 % larger.
                using var pixels = surface.PeekPixels();
                using var file = File.Create(Path.Combine(folder, figure.Name + ".png"));
                pixels.Encode(file, new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3));
            }
            var svg = new System.Text.StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
            svg.Append("<title>").Append(System.Security.SecurityElement.Escape(figure.Title)).Append("</title>\n");
            for (int i = 0; i < plots.Count; i++)
            {
                var r = cells[i];
                string inner = plots[i].GetSvgXml((int)r.Width, (int)r.Height);
                int root = inner.IndexOf("<svg", StringComparison.Ordinal);
                svg.Append(CultureInfo.InvariantCulture, $"<svg x=\"{r.Left}\" y=\"{r.Top}\"").Append(inner.AsSpan(root + 4)).Append('\n');
            }
            svg.Append("</svg>\n");
            File.WriteAllText(Path.Combine(folder, figure.Name + ".svg"), StableIds(svg.ToString(), figure.Name), new System.Text.UTF8Encoding(false));
        }
        finally
        {
            foreach (var p in plots) p.Dispose();
        }
        return [figure.Name + ".png", figure.Name + ".svg"];
    }

    /// <summary>
    /// Skia numbers clip paths with a counter global to the process (cl_4, cl_e5, …): renumber them
    /// per figure, in order of appearance and prefixed with its name, so the same figure gives the
    /// same bytes in any process and the SVGs inlined in one page never share an id.
    /// </summary>
    internal static string StableIds(string svg, string name)
    {
        var ids = new Dictionary<string, string>();
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Groups[2].Value, out var id)) ids[m.Groups[2].Value] = id = $"{name}-clip-{ids.Count + 1}";
            return m.Groups[1].Value + id;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(id=""|url\(#)(cl_[0-9a-zA-Z]+)")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    private static PixelRect[] Cells(Figure figure, int width, int height)
    {
        int columns = figure.Columns, rows = figure.Rows;
        float w = (float)width / columns, h = (float)height / rows;
        return figure.Panels.Select((_, i) =>
        {
            int c = i % columns, r = i / columns;
            return new PixelRect(MathF.Round(c * w), MathF.Round((c + 1) * w), MathF.Round((r + 1) * h), MathF.Round(r * h));
        }).ToArray();
    }

    private static Plot Build(Figure figure, Panel panel, bool small)
    {
        var plot = new Plot();
        if (small) plot.ScaleFactor = 0.8;
        plot.Title(figure.Panels.Count == 1 ? figure.Title : panel.Title, small ? 13 : 16);
        plot.YLabel(panel.YLabel, small ? 12 : 14);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // ScottPlot's numeric labels follow the current culture: invariant here, whatever the process's globalization.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = TickLabel };
        foreach (var band in panel.Bands)
        {
            bool named = false;
            foreach (var (from, to) in Runs(band.X.Length, i => double.IsFinite(band.Low[i]) && double.IsFinite(band.High[i])))
            {
                var fill = plot.Add.FillY(OaDates(band.X, from, to), band.Low[from..to], band.High[from..to]);
                fill.LineWidth = 0;
                fill.FillColor = Color.FromHex(band.Color).WithAlpha(band.Opacity);
                if (!named) { fill.LegendText = band.Name; named = true; }
            }
        }
        foreach (var line in panel.Lines)
        {
            bool named = false;
            foreach (var (from, to) in Runs(line.X.Length, i => double.IsFinite(line.Y[i])))
            {
                var s = to - from == 1
                    ? plot.Add.ScatterPoints(OaDates(line.X, from, to), line.Y[from..to], Color.FromHex(line.Color))
                    : plot.Add.ScatterLine(OaDates(line.X, from, to), line.Y[from..to], Color.FromHex(line.Color));
                s.LineWidth = line.Width;
                s.LinePattern = line.Dash switch { Dash.Dashed => LinePattern.Dashed, Dash.Dotted => LinePattern.Dotted, _ => LinePattern.Solid };
                if (!named) { s.LegendText = line.Name; named = true; }
            }
        }
        foreach (var points in panel.Points)
        {
            if (points.X.Length == 0) continue;
            var m = plot.Add.Markers(OaDates(points.X, 0, points.X.Length), points.Y, points.Filled ? MarkerShape.FilledCircle : MarkerShape.OpenDiamond, points.Filled ? 7 : 11, Color.FromHex(points.Color));
            m.MarkerLineWidth = points.Filled ? 1 : 2;
            m.LegendText = points.Name;
        }
        // Events carry only their number: a legend of dozens of events does not fit the chart (it was
        // cut off), so their names are in the report's table of events, by number.
        foreach (var e in panel.Events)
            plot.Add.VerticalLine(OaDate(e.Month), 1, Color.FromHex(Palette.Neutral), LinePattern.Dashed);
        SetLimits(plot, panel);
        if (panel.Legend) plot.ShowLegend(panel.Events.Count > 0 ? Alignment.LowerLeft : Alignment.UpperLeft).FontSize = 11;
        else plot.HideLegend();
        return plot;
    }

    /// <summary>
    /// Fixes the axes: the panel's x range and y limits, with headroom above the data for the
    /// event numbers, which sit at the top of the data area in up to three staggered rows so that
    /// close dates stay legible.
    /// </summary>
    private static void SetLimits(Plot plot, Panel panel)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double left = panel.XRange is { } x ? OaDate(x.From) : limits.Left, right = panel.XRange is { } x2 ? OaDate(x2.To) : limits.Right;
        right += (right - left) * 0.015; // room for the last tick label and event number
        double bottom = panel.YMin ?? limits.Bottom, top = Math.Min(panel.YMax ?? double.PositiveInfinity, limits.Top);
        if (!(top > bottom)) top = bottom + 1;
        if (panel.Events.Count > 0) top += (top - bottom) * 0.12;
        plot.Axes.SetLimits(left, right, bottom, top);
        const double LabelPixels = 26, PlotPixels = 780;
        double spacing = (right - left) * LabelPixels / PlotPixels;
        var rowEnds = new[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        foreach (var e in panel.Events)
        {
            double at = OaDate(e.Month);
            int row = Array.FindIndex(rowEnds, end => at - end >= spacing);
            if (row < 0) row = Array.IndexOf(rowEnds, rowEnds.Min());
            rowEnds[row] = at;
            var label = plot.Add.Text(e.Number.ToString(CultureInfo.InvariantCulture), at, top);
            label.Alignment = Alignment.UpperCenter;
            label.OffsetY = 2 + row * 15;
            label.LabelFontSize = 11;
            label.LabelBold = true;
            label.LabelFontColor = Color.FromHex(Palette.Text);
        }
    }

    /// <summary>A y tick label in the invariant culture: whole or large numbers with thousands separators, others to nine decimals (no float noise, no "-0").</summary>
    public static string TickLabel(double value)
    {
        double v = Math.Round(value, 9) + 0.0;
        return v % 1 == 0 || Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.#########", CultureInfo.InvariantCulture);
    }

    /// <summary>Stretches of consecutive indices where <paramref name="present"/> holds, as [from, to).</summary>
    private static IEnumerable<(int From, int To)> Runs(int n, Func<int, bool> present)
    {
        int i = 0;
        while (i < n)
        {
            while (i < n && !present(i)) i++;
            int from = i;
            while (i < n && present(i)) i++;
            if (i > from) yield return (from, i);
        }
    }

    private static double[] OaDates(double[] months, int from, int to)
    {
        var x = new double[to - from];
        for (int i = from; i < to; i++) x[i - from] = OaDate(months[i]);
        return x;
    }

    /// <summary>A month on the axis (year·12 + month − 1 + fraction) as an OLE Automation date.</summary>
    public static double OaDate(double month)
    {
        int whole = (int)Math.Floor(month);
        var first = new DateTime(whole / 12, whole % 12 + 1, 1);
        return first.ToOADate() + (month - whole) * DateTime.DaysInMonth(first.Year, first.Month);
    }
}
