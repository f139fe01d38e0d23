using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>The country charts: frontier and largest run against Epoch AI's models, compute, patents, adoption, money.</summary>
public static class WorldCharts
{
    /// <summary>Country frontier capability and largest training run (medians), with Epoch AI's observed models on the run panel.</summary>
    public static Figure? Frontier(ChartInputs c, IReadOnlyList<EpochModel> epoch)
    {
        var capability = new Panel("Frontier capability by country (median)", "log10 effective FLOP") { XRange = c.Range };
        var run = new Panel("Largest training run (median), Epoch AI's models", "log10 FLOP") { XRange = c.Range };
        foreach (var country in c.Run.Countries)
        {
            if (c.Median(country, "capability", country) is { } a) capability.Lines.Add(a);
            if (c.Median(country, "largest_run_log_flop", country) is { } b) run.Lines.Add(b);
        }
        foreach (var country in c.Run.Countries)
        {
            var points = epoch.Where(m => m.Country == country).ToList();
            if (points.Count > 0)
                run.Points.Add(new Points($"Epoch AI, {country}", c.Palette.Of(country), points.Select(m => m.Month).ToArray(), points.Select(m => m.Log10Flop).ToArray()));
        }
        if (capability.Lines.Count + run.Lines.Count == 0) return null;
        return new Figure("frontier", "Frontier capability and largest training run", [capability, run], 2);
    }

    /// <summary>Installed compute by country, compute added by chip channel (stacked means), share of world compute.</summary>
    public static Figure? Compute(ChartInputs c)
    {
        var installed = new Panel("Installed compute by country (median)", "log10 H100-equivalents") { XRange = c.Range };
        var share = new Panel("Share of world compute (median)", "% of installed compute") { YMin = 0, XRange = c.Range };
        foreach (var country in c.Run.Countries)
        {
            if (c.Median(country, "compute_installed", country, ChartInputs.Log10) is { } a) installed.Lines.Add(a);
            if (c.Median(country, "compute_share", country, v => v * 100) is { } b) share.Lines.Add(b);
        }
        var panels = new List<Panel> { installed, share };
        foreach (var (title, firms) in new[] { ("all firms", c.Run.Firms), ("firms of CN", c.Run.Firms.Where(f => f.Country == "CN").ToList()) })
            if (firms.Count > 0 && Channels(c, firms, $"Compute added by chip channel, {title} (% of the month's additions)") is { } p) panels.Add(p);
        if (installed.Lines.Count + share.Lines.Count == 0) return null;
        return new Figure("compute", "Compute: installed, share and chip channels", panels, 2);
    }

    private static readonly (string Metric, string Name)[] ChannelMetrics =
    [
        ("compute_added_frontier", "frontier chips"), ("compute_added_compliant", "export-compliant chips"),
        ("compute_added_smuggled", "smuggled chips"), ("compute_added_domestic", "domestic chips"),
    ];

    /// <summary>
    /// Each channel's share of the compute the firms added that month, stacked to 100 %. Means add
    /// up over firms (medians do not), so a layer is the sum of the firms' mean additions.
    /// </summary>
    private static Panel? Channels(ChartInputs c, IReadOnlyList<FirmInfo> firms, string title)
    {
        int n = c.X.Length;
        var layers = ChannelMetrics.Select(_ => new double[n]).ToArray();
        for (int k = 0; k < ChannelMetrics.Length; k++)
            foreach (var firm in firms)
                if (c.Quantiles.Get(firm.Id, ChannelMetrics[k].Metric) is { } s)
                    for (int t = 0; t < n; t++) if (double.IsFinite(s.Mean[t])) layers[k][t] += s.Mean[t];
        var total = Enumerable.Range(0, n).Select(t => layers.Sum(l => l[t])).ToArray();
        if (!total.Any(v => v > 0)) return null;
        var panel = new Panel(title, "% of compute added") { YMin = 0, YMax = 100, XRange = c.Range };
        var below = new double[n];
        for (int k = 0; k < ChannelMetrics.Length; k++)
        {
            var top = Enumerable.Range(0, n).Select(t => total[t] > 0 ? below[t] + 100 * layers[k][t] / total[t] : double.NaN).ToArray();
            panel.Bands.Add(new Band(ChannelMetrics[k].Name, Palette.Layers[k], c.X, below.Select((b, t) => total[t] > 0 ? b : double.NaN).ToArray(), top, 0.75));
            below = top.Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        }
        return panel;
    }

    /// <summary>Cumulative patent families by country (median) with WIPO's 2014–2023 totals marked.</summary>
    public static Figure? Patents(ChartInputs c)
    {
        var panel = new Panel("Cumulative patent families by country (median); WIPO 2014–2023 totals marked", "log10 patent families since the start") { XRange = c.Range };
        foreach (var country in c.Run.Countries)
            if (c.Median(country, "patents_cumulative", country, ChartInputs.Log10) is { } l) panel.Lines.Add(l);
        if (c.Median("world", "patents_cumulative", "world", ChartInputs.Log10) is { } w) panel.Lines.Add(w);
        if (panel.Lines.Count == 0) return null;
        AddObserved(c, panel, "patents", "WIPO", ChartInputs.Log10);
        return new Figure("patents", panel.Title, [panel]);
    }

    /// <summary>Adoption by country (median share of organisations) with the 2024 survey points.</summary>
    public static Figure? Adoption(ChartInputs c)
    {
        var panel = new Panel("Adoption of AI by organisations (median); 2024-07 survey marked", "% of organisations") { YMin = 0, XRange = c.Range };
        foreach (var country in c.Run.Countries)
            if (c.Median(country, "adoption", country, v => v * 100) is { } l) panel.Lines.Add(l);
        if (c.Median("world", "adoption", "world", v => v * 100) is { } w) panel.Lines.Add(w);
        if (panel.Lines.Count == 0) return null;
        AddObserved(c, panel, "adoption", "survey", v => v * 100);
        return new Figure("adoption", panel.Title, [panel]);
    }

    /// <summary>Funding and revenue by country (medians, log10 M$ per month).</summary>
    public static Figure? Money(ChartInputs c)
    {
        var funding = new Panel("Funding by country (median)", "log10 M$ per month") { XRange = c.Range };
        var revenue = new Panel("Revenue by country (median)", "log10 M$ per month") { XRange = c.Range };
        foreach (var country in c.Run.Countries)
        {
            if (c.Median(country, "funding", country, ChartInputs.Log10) is { } f) funding.Lines.Add(f);
            if (c.Median(country, "revenue", country, ChartInputs.Log10) is { } r) revenue.Lines.Add(r);
        }
        if (funding.Lines.Count + revenue.Lines.Count == 0) return null;
        return new Figure("money", "Funding and revenue", [funding, revenue], 2);
    }

    private static void AddObserved(ChartInputs c, Panel panel, string chart, string source, Func<double, double> scale)
    {
        foreach (var p in ObservedData.Points(chart))
        {
            bool drawn = p.Country == "world" ? c.Quantiles.Get("world", chart == "patents" ? "patents_cumulative" : chart) is not null : c.Run.Countries.Contains(p.Country);
            if (drawn) panel.Points.Add(new Points($"{source}, {p.Country}", c.Palette.Of(p.Country), [p.Date.Index], [scale(p.Value)], Filled: false));
        }
    }
}
