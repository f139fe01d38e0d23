using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>Random/ and Series/ survivors of Stryker: the counter stream's exact bits, the metric table's text, shares and ratios, catalog filters.</summary>
public sealed class SeriesRandomMutantTests
{
    [Theory]
    // From an independent implementation of the documented chain (Python, 64-bit wrap-around), whose SplitMix64
    // finaliser gives the published reference output 6457827717110365317 for state 1234567.
    [InlineData(0UL, 0L, 0, 0, 0, 0x0faf5d05874d698fUL)]
    [InlineData(20240709UL, 3L, -5, int.MinValue, 107, 0x4084ed6792831facUL)]
    [InlineData(42UL, 123456789012L, 7, 12, 200, 0x86cb14d067c91cedUL)]
    public void The_counter_stream_gives_the_bits_of_its_definition(ulong seed, long member, int actor, int month, int slot, ulong bits)
    {
        Assert.Equal(bits, CounterRng.Bits(seed, member, actor, month, slot));
        Assert.Equal(((bits >> 11) + 0.5) / 9007199254740992.0, CounterRng.Uniform(seed, member, actor, month, slot));
    }

    [Fact]
    public void Every_metric_says_its_unit_and_what_it_means()
    {
        foreach (var m in MetricRegistry.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Unit), $"{m.Name} ({m.Kind}) has no unit");
            Assert.True(m.Description.Length > 10, $"{m.Name} ({m.Kind}) does not say what it means");
        }
        Assert.Equal(MetricRegistry.All.Count, MetricRegistry.All.Select(m => (m.Name, m.Kind)).Distinct().Count());
    }

    [Fact]
    public void A_ratio_over_nothing_is_no_value()
    {
        Assert.Equal(1.5, MonthContext.Ratio(3, 2));
        Assert.True(double.IsNaN(MonthContext.Ratio(1, 0)));
        Assert.True(double.IsNaN(MonthContext.Ratio(1, -2)));
    }

    [Fact]
    public void A_catalog_for_named_metrics_records_those_alone()
    {
        var catalog = new SeriesCatalog(TestWorlds.UsCn(), ["capability", "compute_share"]);
        Assert.Equal(["capability", "compute_share"], catalog.Keys.Select(k => k.Metric).Distinct().Order());
        Assert.Equal(["CN", "US"], catalog.Keys.Where(k => k.Metric == "compute_share").Select(k => k.Entity).Order());
    }

    [Fact]
    public void Countries_compute_shares_are_their_firms_installed_compute_over_the_worlds()
    {
        var spec = TestWorlds.UsCn(months: 6);
        var sim = new BlockSimulation(spec, 0, 3, new SeriesCatalog(spec, ["compute_share"]));
        var installed = new List<double[][]>(); // per month: per firm, per member
        while (!sim.Done)
        {
            sim.Step();
            installed.Add(sim.Firms.Select(f => (double[])f.Installed.Clone()).ToArray());
        }
        var batch = sim.TakeSeries()!;
        var keys = sim.Recorder!.Catalog.Keys;
        int us = keys.ToList().IndexOf(new SeriesKey("US", "compute_share")), cn = keys.ToList().IndexOf(new SeriesKey("CN", "compute_share"));
        for (int t = 0; t < 6; t++)
            for (int m = 0; m < 3; m++)
            {
                double usInstalled = installed[t][0][m] + installed[t][1][m], total = installed[t].Sum(f => f[m]);
                Near.Close(usInstalled / total, batch[us, t, m], $"US share, month {t}, member {m}");
                Near.Close(1 - usInstalled / total, batch[cn, t, m], $"CN share, month {t}, member {m}");
                Assert.InRange(batch[us, t, m], 0.05, 0.95);
            }
    }

    [Fact]
    public void Only_first_below_and_first_above_outcomes_are_months()
    {
        var key = new SeriesKey("CN-US", "capability_gap_months");
        Assert.True(new Outcome("a", key, OutcomeKind.FirstBelow).IsMonth);
        Assert.True(new Outcome("b", key, OutcomeKind.FirstAbove).IsMonth);
        Assert.False(new Outcome("c", key, OutcomeKind.At, Month.Of(2030, 1)).IsMonth);
        Assert.False(new Outcome("d", key, OutcomeKind.MaxFrom, Month.Of(2025, 1)).IsMonth);
        Assert.False(new Outcome("e", key, OutcomeKind.MinFrom, Month.Of(2025, 1)).IsMonth);
    }

    [Fact]
    public void A_normal_or_log_normal_without_spread_is_its_centre_at_every_quantile()
    {
        foreach (double u in new[] { 1e-9, 0.3, 0.999 })
        {
            Assert.Equal(5, new NormalDist(5, 0).InverseCdf(u));
            Assert.Equal(Math.Exp(1.2), new LogNormalDist(1.2, 0).InverseCdf(u));
        }
    }
}
