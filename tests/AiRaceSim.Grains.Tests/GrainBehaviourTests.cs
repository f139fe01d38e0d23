using AiRaceSim.Ensembles;
using AiRaceSim.Client;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Tests;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Grains.Tests;

/// <summary>Behaviour seen in the series a run through grains records.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainBehaviourTests(ClusterFixture clusters)
{
    private const int Members = 3;
    private static readonly Month Start = TestWorlds.Start;

    private async Task<(SeriesBatch Batch, SeriesCatalog Catalog)> Run(WorldSpec spec)
    {
        var batch = await new EnsembleDriver(new GrainBackend(clusters.Two.Client)).RunToMemoryAsync(new RunRequest(spec, Members, 2) { SliceMonths = 5 });
        return (batch, new SeriesCatalog(spec));
    }

    private static double[] Series(SeriesBatch b, SeriesCatalog c, string entity, string metric, int member)
    {
        int key = c.Keys.ToList().IndexOf(new SeriesKey(entity, metric));
        Assert.True(key >= 0, $"{entity}/{metric} is not recorded");
        return Enumerable.Range(0, b.Months).Select(t => b[key, t, member]).ToArray();
    }

    [Fact]
    public async Task A_firm_entering_mid_run_appears_from_its_entry_month_only()
    {
        var entry = Month.Of(2021, 5);
        var spec = TestWorlds.UsCn(months: 30) with
        {
            Firms = [.. TestWorlds.UsCn().Firms, TestWorlds.Firm("entrant", "CN", 20) with { Entry = entry }],
        };
        var (batch, catalog) = await Run(spec);
        int at = entry - Start;
        for (int m = 0; m < Members; m++)
        {
            var k = Series(batch, catalog, "entrant", "capability", m);
            var h = Series(batch, catalog, "entrant", "compute_installed", m);
            for (int t = 0; t < k.Length; t++)
            {
                Assert.Equal(t >= at, double.IsFinite(k[t]));
                Assert.Equal(t >= at, double.IsFinite(h[t]));
            }
        }
    }

    [Fact]
    public async Task An_export_control_event_changes_Chinese_chip_channels_from_its_month()
    {
        var control = Month.Of(2021, 3);
        // No domestic chips, so what the closed frontier channel leaves goes to compliant chips (and some smuggling).
        var spec = TestWorlds.UsCn(months: 24) with
        {
            Countries = [TestWorlds.Country("US"), TestWorlds.Country("CN") with { DomesticChips = new DomesticChipSpec() }],
            Events = [new ScheduledEvent { Date = control, Country = new ExportControl("US", "CN", 2) }],
        };
        var (batch, catalog) = await Run(spec);
        int at = control - Start;
        for (int m = 0; m < Members; m++)
        {
            var frontier = Series(batch, catalog, "cn-a", "compute_added_frontier", m);
            var compliant = Series(batch, catalog, "cn-a", "compute_added_compliant", m);
            var tier = Series(batch, catalog, "CN", "export_control_tier", m);
            var us = Series(batch, catalog, "us-frontier", "compute_added_frontier", m);
            for (int t = 0; t < frontier.Length; t++)
            {
                Assert.Equal(t >= at ? 2 : 0, tier[t]);
                Assert.True(t < at == frontier[t] > 0, $"t={t} frontier={frontier[t]}");
                Assert.True(t >= at == compliant[t] > 0, $"t={t} compliant={compliant[t]}");
                Assert.True(us[t] > 0);
            }
        }
    }

    [Fact]
    public async Task An_api_block_removes_the_blocked_firms_share_of_the_blocked_market_from_its_month()
    {
        var block = Month.Of(2021, 8);
        var open = TestWorlds.UsCn(months: 30);
        var blocked = open with
        {
            Events = [new ScheduledEvent { Date = block, Country = new ApiBlock("us-frontier", "CN", new Fixed(0)) }],
        };
        var (a, catalog) = await Run(open);
        var (b, _) = await Run(blocked);
        int at = block - Start;
        for (int m = 0; m < Members; m++)
        {
            var before = Series(a, catalog, "us-frontier@CN", "market_share", m);
            var after = Series(b, catalog, "us-frontier@CN", "market_share", m);
            var home = Series(b, catalog, "us-frontier@US", "market_share", m);
            for (int t = 0; t < before.Length; t++)
            {
                Assert.True(before[t] > 0);
                if (t < at) Assert.Equal(before[t], after[t]);
                else Assert.Equal(0, after[t]);
                Assert.True(home[t] > 0);
            }
        }
    }

    [Fact]
    public async Task A_threshold_rule_fires_once_its_condition_has_held_for_the_stated_months()
    {
        // The US tightens one tier once the measured gap has been below 1000 months for 4 months:
        // measured from month 0, read at months 1..4, so the tier rises at month index 4 and once only.
        var spec = TestWorlds.UsCn(months: 16) with
        {
            Rules =
            [
                new ThresholdRule
                {
                    Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
                    Threshold = new ThresholdPath(1000), ForMonths = 4, Once = true,
                    Then = new ExportControl("US", "CN", 1, Relative: true),
                },
            ],
        };
        var (batch, catalog) = await Run(spec);
        for (int m = 0; m < Members; m++)
        {
            var tier = Series(batch, catalog, "CN", "export_control_tier", m);
            for (int t = 0; t < tier.Length; t++) Assert.Equal(t >= 4 ? 1 : 0, tier[t]);
        }
    }
}
