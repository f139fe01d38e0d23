namespace AiRaceSim.Reports.Charts;

/// <summary>
/// What a chart shows, as data: panels of lines, bands, points and dated event lines. Charts are
/// built as figures first and drawn second (<see cref="FigureRenderer"/>), so tests read the figure,
/// not pixels. X values are months on the axis of <see cref="Model.Gaps.TimeDistance.MonthOf"/>
/// (year·12 + month − 1, plus the fraction of a dated day).
/// </summary>
public sealed record Figure(string Name, string Title, IReadOnlyList<Panel> Panels, int Columns = 1)
{
    public int Rows => (Panels.Count + Columns - 1) / Columns;
    /// <summary>A remark for the caption (what the axes leave out).</summary>
    public string? Note { get; init; }
}

public sealed record Panel(string Title, string YLabel)
{
    public List<Line> Lines { get; } = [];
    public List<Band> Bands { get; } = [];
    public List<Points> Points { get; } = [];
    public List<EventLine> Events { get; } = [];
    /// <summary>Draw the legend (series names) inside this panel.</summary>
    public bool Legend { get; init; } = true;
    public double? YMin { get; init; }
    /// <summary>An upper y limit below the data's maximum (the start-up months of a gap can run far above the settled range).</summary>
    public double? YMax { get; init; }
    /// <summary>The x range in months (the run's), so that small multiples share one time axis.</summary>
    public (double From, double To)? XRange { get; init; }
}

public enum Dash { Solid, Dashed, Dotted }

/// <summary>A line over months; NaN leaves a gap.</summary>
public sealed record Line(string Name, string Color, double[] X, double[] Y, Dash Dash = Dash.Solid, float Width = 2);

/// <summary>A filled range between two lines (a quantile band or a stacked layer).</summary>
public sealed record Band(string Name, string Color, double[] X, double[] Low, double[] High, double Opacity = 0.25);

/// <summary>Observed points, drawn as markers.</summary>
public sealed record Points(string Name, string Color, double[] X, double[] Y, bool Filled = true);

/// <summary>A dated event: a vertical line with its number at the top; its label is for the report's table of events, not drawn.</summary>
public sealed record EventLine(double Month, string Label, int Number);
