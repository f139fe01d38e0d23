using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>A world run to an earlier end (<see cref="WorldSpec.EndingAt"/>) is the same world up to there.</summary>
public class HorizonTests
{
    private static readonly Month End = Month.Of(2023, 12);

    /// <summary>The policy world, 2020-01 .. 2027-12, with GDP ceilings, history before the start, a lab with a fading
    /// funding growth and staggered runs, and a lab entering the month after the cut at a past frontier.</summary>
    internal static WorldSpec Rich()
    {
        var world = TestWorlds.WithPolicy(months: 96);
        return world with
        {
            Countries =
            [
                world.Countries[0] with { HistoryBeforeStart = [(Month.Of(2019, 1), 22.5)], Gdp = new GdpSeries(27.36, Month.Of(2023, 7), 1.05) },
                world.Countries[1] with { Gdp = new GdpSeries(17.79, Month.Of(2023, 7), 1.06), BudgetCeilingShare = new Fixed(0.03) },
            ],
            Firms =
            [
                .. world.Firms,
                TestWorlds.Firm("fading", "CN", 10) with
                {
                    Entry = Month.Of(2021, 1), EntryCapability = new CapabilityLevel(24), RunMonths = new UniformDist(2.5, 6.5), StaggerRuns = true,
                    Funding = new FundingSchedule(new Fixed(10), Month.Of(2021, 1), [(Month.Of(2021, 1), new Fixed(2.5))]) { Fade = new GrowthFade(1.15, 24) },
                },
                TestWorlds.Firm("after-cut", "US", 10) with { Entry = End + 1, EntryCapability = new FrontierAt(Month.Of(2022, 6)) },
            ],
        };
    }

    public static TheoryData<string> Worlds => ["policy", "rich"];

    [Theory]
    [MemberData(nameof(Worlds))]
    public void A_world_ending_earlier_gives_the_same_bits_in_every_month_it_runs(string name)
    {
        var full = name == "rich" ? Rich() : TestWorlds.WithPolicy(months: 96); // 2020-01 .. 2027-12
        var end = End;
        var cut = full.EndingAt(end);
        Assert.Equal(48, cut.Months);
        // The API block (2024-07), the vouchers (2024-01) and the exit (2025-03) fall after the end.
        Assert.Equal(full.Events.Count - 3, cut.Events.Count);
        Assert.All(cut.Events, e => Assert.True(e.Date <= end));

        var catalog = new SeriesCatalog(full);
        Assert.Equal(catalog.Keys, new SeriesCatalog(cut).Keys);
        var a = new BlockSimulation(full, 0, 5, catalog);
        var b = new BlockSimulation(cut, 0, 5, catalog);
        a.Run();
        b.Run();
        var sa = a.TakeSeries()!;
        var sb = b.TakeSeries()!;
        Assert.Equal(96, sa.Months);
        Assert.Equal(48, sb.Months);
        for (int k = 0; k < catalog.Keys.Count; k++)
            for (int t = 0; t < 48; t++)
                for (int m = 0; m < 5; m++)
                    Assert.True(BitConverter.DoubleToInt64Bits(sa[k, t, m]) == BitConverter.DoubleToInt64Bits(sb[k, t, m]),
                        $"{catalog.Keys[k]} month {t} member {m}: {sa[k, t, m]} and {sb[k, t, m]}");
    }

    [Fact]
    public void Ending_at_or_after_the_end_is_the_world_itself_and_before_the_start_is_refused()
    {
        var world = TestWorlds.WithPolicy();
        Assert.Same(world, world.EndingAt(world.End));
        Assert.Same(world, world.EndingAt(world.End + 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.EndingAt(world.Start - 1));
    }
}
