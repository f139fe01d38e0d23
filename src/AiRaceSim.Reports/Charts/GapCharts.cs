using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>The gap charts: the headline country gap with its bands and events, each firm's gap, perceived against measured gaps.</summary>
public static class GapCharts
{
    /// <summary>Median, P25–P75 and P5–P95 of a pair's capability gap, one band colour (the follower's), events as lines.</summary>
    public static Figure? Gap(ChartInputs c)
    {
        if (c.MainPair() is not { } pair || c.Quantiles.Get(pair, "capability_gap_months") is not { } s) return null;
        var (follower, leader) = (pair[..pair.IndexOf('-')], pair[(pair.IndexOf('-') + 1)..]);
        string color = c.Palette.Of(follower);
        var panel = new Panel($"Capability gap: months {follower} is behind {leader}", $"months {follower} behind {leader}")
        {
            XRange = c.Range, YMin = ChartInputs.Settled(s.P05, s.P95)?.Bottom, YMax = ChartInputs.Settled(s.P05, s.P95)?.Top,
        };
        panel.Bands.Add(new Band("P5–P95 of members", color, c.X, s.P05, s.P95, 0.18));
        panel.Bands.Add(new Band("P25–P75 of members", color, c.X, s.P25, s.P75, 0.35));
        panel.Lines.Add(new Line("median", color, c.X, s.P50, Width: 2.5f));
        panel.Events.AddRange(c.EventLines);
        return new Figure("gap", panel.Title, [panel]) { Note = StartUpNote(s.P05, s.P95, panel.YMin, panel.YMax) };
    }

    private static string? StartUpNote(double[] low, double[] high, double? bottom, double? top) =>
        (top is { } t && high.Any(v => v > t)) || (bottom is { } b && low.Any(v => v < b))
            ? $"The y axis fits P5–P95 after the first {ChartInputs.StartUpMonths} months: in the start-up months, with no history yet, the gap runs beyond it."
            : null;

    /// <summary>Small multiples: each firm's capability gap behind the world frontier (median and P5–P95), in its country's colour.</summary>
    public static Figure? FirmGaps(ChartInputs c)
    {
        var panels = new List<Panel>();
        foreach (var firm in c.Run.Firms)
        {
            if (c.Quantiles.Get(firm.Id, "capability_gap_months") is not { } s || !s.P50.Any(double.IsFinite)) continue;
            var color = c.Palette.Of(firm.Country);
            var panel = new Panel($"{firm.Id} ({firm.Country})", "months behind") { Legend = false, XRange = c.Range, YMin = ChartInputs.Settled(s.P05, s.P95)?.Bottom, YMax = ChartInputs.Settled(s.P05, s.P95)?.Top };
            panel.Bands.Add(new Band("P5–P95", color, c.X, s.P05, s.P95, 0.25));
            panel.Lines.Add(new Line("median", color, c.X, s.P50));
            panels.Add(panel);
        }
        if (panels.Count == 0) return null;
        int columns = panels.Count <= 4 ? 2 : panels.Count <= 9 ? 3 : panels.Count <= 16 ? 4 : 5;
        return new Figure("firm-gaps", $"Each firm's capability gap behind the world frontier (months; median and P5–P95; y axes fit to P5–P95 after the first {ChartInputs.StartUpMonths} months)", panels, columns);
    }

    /// <summary>For each government with a perception: the gap it perceives against the gap measured, medians and the perceived P5–P95.</summary>
    public static Figure? Perception(ChartInputs c)
    {
        var panels = new List<Panel>();
        foreach (var (government, (of, behind)) in c.Run.Perceptions.OrderBy(p => c.Run.Countries.ToList().IndexOf(p.Key)))
        {
            if (c.Quantiles.Get(government, "perceived_gap_months") is not { } perceived) continue;
            var color = c.Palette.Of(government);
            var panel = new Panel($"{government}: perceived and measured gap, {of} behind {behind}", $"months {of} behind {behind}")
            {
                XRange = c.Range, YMin = ChartInputs.Settled(perceived.P05, perceived.P95)?.Bottom, YMax = ChartInputs.Settled(perceived.P05, perceived.P95)?.Top,
            };
            panel.Bands.Add(new Band("perceived, P5–P95", color, c.X, perceived.P05, perceived.P95, 0.2));
            panel.Lines.Add(new Line("perceived (median)", color, c.X, perceived.P50, Dash.Dashed));
            if (c.Median($"{of}-{behind}", "capability_gap_months", "measured (median)", color: Palette.Measured) is { } measured) panel.Lines.Add(measured);
            panels.Add(panel);
        }
        return panels.Count == 0 ? null : new Figure("perception", panels.Count == 1 ? panels[0].Title : "Perceived against measured gap, for each government", panels, Math.Min(panels.Count, 2));
    }
}
