using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>A world run to an earlier end (<see cref="Parameters.WorldSpec.EndingAt"/>) is the same world up to there.</summary>
public class HorizonTests
{
    [Fact]
    public void A_world_ending_earlier_gives_the_same_bits_in_every_month_it_runs()
    {
        var full = TestWorlds.WithPolicy(months: 96); // 2020-01 .. 2027-12
        var end = Month.Of(2023, 12);
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
