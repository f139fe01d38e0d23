using AiRaceSim.Model.Gaps;
using AiRaceSim.Reports;
using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Cli.Tests;

/// <summary>One colour per country: charts of things that are not countries never take a country's colour, and a country keeps its colour whatever its role.</summary>
public sealed class PaletteTests
{
    // Okabe and Ito's colours of the fixed countries (Palette's documentation).
    private static readonly Dictionary<string, string> Countries = new()
    {
        ["US"] = "#0072B2", ["CN"] = "#D55E00", ["KR"] = "#009E73", ["JP"] = "#CC79A7", ["IN"] = "#E69F00", ["UK"] = "#56B4E9", ["EU"] = "#7F6A00",
    };

    private static IEnumerable<string> Colors(Figure f) => f.Panels.SelectMany(p =>
        p.Lines.Select(l => l.Color).Concat(p.Bands.Select(b => b.Color)).Concat(p.Points.Select(x => x.Color)));

    [Fact]
    public void Countries_keep_their_colour_and_chip_layers_take_none_of_them()
    {
        var palette = new Palette(["CN", "US", "XX"]);
        foreach (var (country, color) in Countries) Assert.Equal(color, palette.Of(country));
        Assert.DoesNotContain(palette.Of("XX"), Countries.Values);
        Assert.Empty(Palette.Layers.Intersect(Countries.Values, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Palette.Layers.Length, Palette.Layers.Distinct().Count());
    }

    [Fact]
    public void Compared_scenarios_take_no_country_s_colour()
    {
        double[] x = [24240, 24241, 24242];
        var scenarios = Enumerable.Range(0, 12).Select(i => new CompareSeries($"s{i}", x, [1, 2, 3], [0, 1, 2], [2, 3, 4])).ToList();
        var colors = Colors(CompareReport.Figure("CN-US", "capability_gap_months", scenarios)).ToList();
        Assert.Empty(colors.Intersect(Countries.Values, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_observed_gap_colours_each_country_by_itself_whichever_leads()
    {
        DatedObservation O(string date, double v) => new(date, DatedSeriesFile.ParseMonth(date)!.Value, v);
        List<DatedObservation> us = [O("2020-01", 1), O("2021-01", 3)], cn = [O("2020-06", 2), O("2021-06", 4)];
        foreach (var (leader, follower, l, f) in new[] { ("US", "CN", us, cn), ("CN", "US", cn, us) })
        {
            var figure = ObservedGapChart.Figure(leader, follower, "level", l, f, ObservedGapChart.Gaps(l, f));
            var levels = figure.Panels[0];
            Assert.Equal(Countries["US"], levels.Lines.Single(x => x.Name.StartsWith("US", StringComparison.Ordinal)).Color);
            Assert.Equal(Countries["CN"], levels.Lines.Single(x => x.Name.StartsWith("CN", StringComparison.Ordinal)).Color);
            Assert.All(figure.Panels[1].Points.Where(p => p.Name == "gap"), p => Assert.Equal(Countries[follower], p.Color));
        }
    }
}
