using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Every metric of <see cref="MetricRegistry"/> recorded through a block with the full catalog,
/// month by month, against <see cref="MetricOracle"/>: the state each metric claims to read,
/// reached another way. The world has a late entrant at a past frontier and one at a level of its
/// own, two open-weights labs (one late), one country with GDP and one without, all four chip channels in use,
/// two markets, patents of two qualities, and both directions of the one country pair.
/// </summary>
public class MetricReadTests
{
    private const int Members = 3, Months = 36;

    public static WorldSpec World()
    {
        var w = TestWorlds.WithPolicy(months: Months, seed: 11);
        return w with
        {
            Countries =
            [
                w.Countries[0],
                w.Countries[1] with { Gdp = new GdpSeries(2.5, Month.Of(2021, 1), 1.06), PatentQuality = new Fixed(0.7) },
            ],
            Firms =
            [
                // CN's labs start with less compute, so CN trails from month 0: the gaps reach back before the start (bounds).
                .. w.Firms.Select(f => f.Country == "CN" && f.Entry is null ? f with { InitialCompute = new Fixed(8000) } : f),
                // Open weights and not yet entered: a firm of no capability (NaN) that open_capability must skip.
                TestWorlds.Firm("us-late", "US", 25, open: true, h0: 3000, z0: 50) with { Entry = Month.Of(2021, 4), EntryCapability = new CapabilityLevel(24.3) },
            ],
            Events =
            [
                new() { Date = Month.Of(2021, 3), Country = new ExportControl("US", "CN", 1) },
                new() { Date = Month.Of(2021, 5), Country = new Enforcement("CN", new Fixed(0.8)) },
                new() { Date = Month.Of(2021, 7), Firm = new FundingScale("cn-a", new UniformDist(1.2, 2.0)) },
                new() { Date = Month.Of(2021, 9), Country = new Vouchers("CN", new Fixed(0.25)) },
                new() { Date = Month.Of(2022, 1), Country = new ExportControl("US", "CN", 2) },
                new() { Date = Month.Of(2022, 6), Country = new PatentSubsidy("CN", new Fixed(1.4)) },
            ],
            GapPairs = [new GapPair("CN", "US"), new GapPair("US", "CN")],
        };
    }

    [Fact]
    public void Every_metric_of_every_entity_is_the_state_it_names_in_every_month()
    {
        var spec = World();
        var catalog = new SeriesCatalog(spec);
        var sim = new BlockSimulation(spec, 0, Members, catalog);
        var oracle = new MetricOracle(sim);
        var nonTrivial = new HashSet<(EntityKind, string)>();
        int checks = 0;
        for (int t = 0; t < Months; t++)
        {
            sim.Step();
            oracle.Advance();
            var batch = sim.TakeSeries()!;
            Assert.Equal((t, 1, 0, Members, catalog.Keys.Count), (batch.FirstMonthIndex, batch.Months, batch.FirstMember, batch.Members, batch.Keys));
            for (int k = 0; k < catalog.Keys.Count; k++)
            {
                var key = catalog.Keys[k];
                var expected = oracle.Expected(key, out var kind);
                for (int m = 0; m < Members; m++)
                {
                    double e = expected[m], a = batch[k, 0, m];
                    Assert.True(double.IsNaN(e) ? double.IsNaN(a) : Math.Abs(a - e) <= 1e-9 * Math.Max(1, Math.Abs(e)),
                        $"{key.Entity} {key.Metric} month {t} member {m}: expected {e:R}, recorded {a:R}");
                    if (!double.IsNaN(a) && a != 0) nonTrivial.Add((kind, key.Metric));
                    checks++;
                }
            }
        }
        Assert.Equal(Months * Members * 182, checks);
        // Not vacuous: every metric of the registry showed a value other than NaN and 0 somewhere.
        var missing = MetricRegistry.All.Where(x => !nonTrivial.Contains((x.Kind, x.Name))).Select(x => $"{x.Kind} {x.Name}");
        Assert.Empty(missing);
    }

    [Fact]
    public void The_full_catalog_of_this_world_has_every_metric_of_every_entity_in_order()
    {
        // World 7 metrics; 2 countries × 23; 2 pairs × 4; 6 firms × 19; markets: each firm at home, us-frontier also in CN.
        var catalog = new SeriesCatalog(World());
        Assert.Equal(7 + 2 * 23 + 2 * 4 + 6 * 19 + 7, catalog.Keys.Count);
        Assert.Equal(new SeriesKey("world", "capability"), catalog.Keys[0]);
        Assert.Equal(new SeriesKey("US", "capability"), catalog.Keys[7]);
        Assert.Equal(new SeriesKey("CN", "capability"), catalog.Keys[7 + 23]);
        Assert.Equal(new SeriesKey("US-CN", "compute_gap_flag"), catalog.Keys[7 + 46 + 7]);
        Assert.Equal(new SeriesKey("us-frontier", "capability"), catalog.Keys[7 + 46 + 8]);
        string[] markets = ["us-frontier@US", "us-frontier@CN", "us-open@US", "cn-a@CN", "cn-b@CN", "cn-entrant@CN", "us-late@US"];
        Assert.Equal(markets, catalog.Keys.Skip(7 + 46 + 8 + 114).Select(k => k.Entity));
    }

    [Fact]
    public void A_firm_before_its_entry_records_nothing_and_from_it_a_value_in_every_metric()
    {
        var spec = World();
        var catalog = new SeriesCatalog(spec, entities: ["us-late", "cn-entrant@CN"]);
        var sim = new BlockSimulation(spec, 0, Members, catalog);
        Assert.Same(catalog, sim.Recorder!.Catalog);
        sim.Run();
        var s = sim.TakeSeries()!;
        int entry = Month.Of(2021, 4) - spec.Start, cnEntry = Month.Of(2022, 3) - spec.Start;
        Assert.Equal(20, catalog.Keys.Count);
        for (int k = 0; k < 19; k++)
            for (int m = 0; m < Members; m++)
            {
                Assert.All(Enumerable.Range(0, entry), t => Assert.True(double.IsNaN(s[k, t, m]), $"{catalog.Keys[k]} month {t}"));
                // From entry every metric has a value, except a largest run before its first run ends (−∞) and the gaps on it.
                if (catalog.Keys[k].Metric is not ("largest_run_log_flop" or "compute_gap_months"))
                    Assert.All(Enumerable.Range(entry, Months - entry), t => Assert.False(double.IsNaN(s[k, t, m]), $"{catalog.Keys[k]} month {t}"));
            }
        // It enters at its own level: deployed and trained capability start at 24.3 and never fall.
        int capability = catalog.Keys.ToList().IndexOf(new SeriesKey("us-late", "capability"));
        int trained = catalog.Keys.ToList().IndexOf(new SeriesKey("us-late", "trained_capability"));
        for (int m = 0; m < Members; m++)
        {
            Assert.True(s[capability, entry, m] >= 24.3 && s[trained, entry, m] >= 24.3);
            Assert.True(s[trained, entry, m] < 24.3 + 0.5, $"one month of progress from 24.3, got {s[trained, entry, m]}");
        }
        Assert.All(Enumerable.Range(0, cnEntry), t => Assert.True(double.IsNaN(s[19, t, 0])));
        Assert.All(Enumerable.Range(cnEntry, Months - cnEntry), t => Assert.InRange(s[19, t, 0], 0, 1));
    }
}
