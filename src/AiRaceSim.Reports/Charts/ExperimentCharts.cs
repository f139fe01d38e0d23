using ScottPlot;

namespace AiRaceSim.Reports.Charts;

/// <summary>Sobol indices of one outcome: S1 and ST per factor with their intervals' half-widths.</summary>
public sealed record SobolBars(string Outcome, IReadOnlyList<string> Factors, double[] S1, double[] S1HalfWidth, double[] ST, double[] STHalfWidth, double Level);

/// <summary>Morris measures of one outcome: μ* with its interval's half-width, and σ, per factor.</summary>
public sealed record MorrisPlane(string Outcome, IReadOnlyList<string> Factors, double[] MuStar, double[] MuStarHalfWidth, double[] Sigma, double Level);

/// <summary>PRIM's peeling trajectory (coverage and density of each box) and the chosen box's step.</summary>
public sealed record PrimTradeoff(string Condition, double[] Coverage, double[] Density, int Chosen);

/// <summary>PRIM's chosen box: each factor's limits, and the design's range of that factor.</summary>
public sealed record PrimLimits(string Condition, IReadOnlyList<string> Factors, double[] Low, double[] High, double[] DesignLow, double[] DesignHigh);

/// <summary>
/// The charts of an experiment, drawn with ScottPlot as PNG and SVG (1200×700): Sobol S1/ST bars with
/// intervals, the Morris μ*–σ plane, PRIM's coverage–density trade-off with the chosen box. Axes on
/// numbers, not months, so they do not go through <see cref="FigureRenderer"/>.
/// </summary>
public static class ExperimentCharts
{
    private static readonly Color S1Color = Color.FromHex("#4477AA"), STColor = Color.FromHex("#EE6677");

    public static IReadOnlyList<string> Sobol(SobolBars b, string folder, string name)
    {
        using var plot = New($"Sobol indices of {b.Outcome}: first order (S1) and total (ST), {Percent(b.Level)} intervals", "index");
        var bars = new List<Bar>();
        for (int i = 0; i < b.Factors.Count; i++)
        {
            bars.Add(new Bar { Position = 3 * i, Value = b.S1[i], Error = b.S1HalfWidth[i], FillColor = S1Color });
            bars.Add(new Bar { Position = 3 * i + 1, Value = b.ST[i], Error = b.STHalfWidth[i], FillColor = STColor });
        }
        plot.Add.Bars(bars.ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, b.Factors.Count).Select(i => 3 * i + 0.5).ToArray(), b.Factors.Select(Short).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 170;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "S1 (first order)", FillColor = S1Color });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ST (total)", FillColor = STColor });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Add.HorizontalLine(0, 1, Color.FromHex(Palette.Neutral));
        return Save(plot, folder, name);
    }

    public static IReadOnlyList<string> Morris(MorrisPlane m, string folder, string name)
    {
        using var plot = New($"Morris elementary effects of {m.Outcome}: μ* ({Percent(m.Level)} interval) against σ", "σ (spread of the effects: interactions, non-linearity)");
        plot.XLabel("μ* (mean absolute effect over the factor's whole range)", 14);
        plot.Add.Markers(m.MuStar, m.Sigma, MarkerShape.FilledCircle, 8, S1Color);
        for (int i = 0; i < m.Factors.Count; i++)
        {
            plot.Add.Line(m.MuStar[i] - m.MuStarHalfWidth[i], m.Sigma[i], m.MuStar[i] + m.MuStarHalfWidth[i], m.Sigma[i]).Color = Color.FromHex(Palette.Neutral);
            var t = plot.Add.Text(Short(m.Factors[i]), m.MuStar[i], m.Sigma[i]);
            t.LabelFontSize = 11;
            t.OffsetX = 6;
            t.OffsetY = -6;
        }
        return Save(plot, folder, name);
    }

    public static IReadOnlyList<string> Prim(PrimTradeoff p, string folder, string name)
    {
        using var plot = New($"PRIM: coverage against density of the peeled boxes, where {p.Condition}", "density (share of the box's runs where the condition holds)");
        plot.XLabel("coverage (share of the runs where it holds that the box keeps)", 14);
        var line = plot.Add.Scatter(p.Coverage, p.Density, S1Color);
        line.LineWidth = 1.5f;
        line.MarkerSize = 5;
        var chosen = plot.Add.Marker(p.Coverage[p.Chosen], p.Density[p.Chosen], MarkerShape.OpenCircle, 16, STColor);
        chosen.LineWidth = 2.5f;
        var t = plot.Add.Text($"chosen box (step {p.Chosen})", p.Coverage[p.Chosen], p.Density[p.Chosen]);
        t.LabelFontSize = 12;
        t.OffsetX = 12;
        return Save(plot, folder, name);
    }

    /// <summary>The chosen box as one bar per factor over its design range scaled to 0–1, restricted factors in colour, the limits written beside.</summary>
    public static IReadOnlyList<string> Box(PrimLimits b, string folder, string name)
    {
        using var plot = New($"PRIM's chosen box where {b.Condition}: each factor's limits within its design range", "");
        plot.XLabel("position in the factor's design range (0: its lowest value, 1: its highest)", 14);
        var bars = new List<Bar>();
        int k = b.Factors.Count;
        for (int i = 0; i < k; i++)
        {
            double span = b.DesignHigh[i] - b.DesignLow[i];
            double lo = span > 0 ? (b.Low[i] - b.DesignLow[i]) / span : 0, hi = span > 0 ? (b.High[i] - b.DesignLow[i]) / span : 1;
            bool restricted = b.Low[i] > b.DesignLow[i] || b.High[i] < b.DesignHigh[i];
            // The first factor at the top.
            bars.Add(new Bar { Position = k - 1 - i, ValueBase = lo, Value = hi, Orientation = Orientation.Horizontal, FillColor = restricted ? STColor : Color.FromHex("#DDDDDD") });
            var t = plot.Add.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.Low[i]:G4} to {b.High[i]:G4}"), 1.02, k - 1 - i);
            t.LabelFontSize = 11;
            t.LabelAlignment = Alignment.MiddleLeft;
        }
        plot.Add.Bars(bars.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, k).Select(i => (double)(k - 1 - i)).ToArray(), b.Factors.Select(Short).ToArray());
        plot.Axes.Left.MinimumSize = 230;
        plot.Axes.SetLimitsX(0, 1.35);
        return Save(plot, folder, name);
    }

    /// <summary>The member-by-member differences A − B as a histogram, with zero and the median marked.</summary>
    public static IReadOnlyList<string> Differences(string title, double[] differences, double median, string folder, string name)
    {
        using var plot = New(title, "members");
        plot.XLabel("difference A − B", 14);
        if (differences.Length > 0)
        {
            double lo = differences.Min(), hi = differences.Max();
            // All equal (an action that changes nothing, say): one bar on that value.
            int bins = hi > lo ? Math.Clamp((int)Math.Ceiling(Math.Sqrt(differences.Length)), 1, 40) : 1;
            double width = hi > lo ? (hi - lo) / bins : 1;
            double first = hi > lo ? lo + width / 2 : lo;
            var counts = new int[bins];
            foreach (var d in differences) counts[Math.Min(bins - 1, (int)((d - lo) / width))]++;
            plot.Add.Bars(counts.Select((c, i) => new Bar { Position = first + i * width, Value = c, Size = width * 0.95, FillColor = S1Color }).ToArray());
            plot.Axes.SetLimitsY(0, counts.Max() * 1.08);
        }
        plot.Add.VerticalLine(0, 1.5f, Color.FromHex(Palette.Neutral), LinePattern.Dashed);
        var m = plot.Add.VerticalLine(median, 2.5f, STColor);
        m.LegendText = "median difference";
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, name);
    }

    private static Plot New(string title, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, 16);
        plot.YLabel(yLabel, 14);
        plot.Font.Set(ChartFonts.Family);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = FigureRenderer.TickLabel };
        return plot;
    }

    public static string Percent(double level) => level.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture).Replace("%", " %");

    /// <summary>A factor's path without its common prefix (parameters.x → x).</summary>
    private static string Short(string path) => path.StartsWith("parameters.", StringComparison.Ordinal) ? path["parameters.".Length..] : path;

    private static IReadOnlyList<string> Save(Plot plot, string folder, string name)
    {
        plot.SavePng(Path.Combine(folder, name + ".png"), FigureRenderer.Width, FigureRenderer.Height);
        // Skia's clip ids renumbered per figure, so the same experiment gives the same SVG bytes.
        File.WriteAllText(Path.Combine(folder, name + ".svg"),
            FigureRenderer.StableIds(plot.GetSvgXml(FigureRenderer.Width, FigureRenderer.Height), name), new System.Text.UTF8Encoding(false));
        return [name + ".png", name + ".svg"];
    }
}
