using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>The firms' gaps behind the world (G2), which the aggregator measures again only when a firm's level moves.</summary>
public class FirmGapTests
{
    [Fact]
    public void Every_months_firm_gaps_are_the_time_distances_measured_afresh()
    {
        // Each month's gap against Behind on the world's history from month 0 with no hint: the bits of an
        // independent search, whether the aggregator reused last month's crossing or searched.
        var sim = new BlockSimulation(TestWorlds.WithPolicy(months: 60), 0, 9);
        var w = sim.World;
        int measured = 0, unchanged = 0;
        var lastLevel = sim.Firms.Select(f => f.Capability.ToArray()).ToArray();
        for (int ti = 0; ti < w.Months; ti++)
        {
            sim.Step();
            foreach (var f in sim.Firms)
                for (int m = 0; m < w.Members; m++)
                {
                    int capabilityHint = 0, computeHint = 0;
                    double capability = f.HasEntered ? TimeDistance.Behind(w.WorldSeries(m), ti, f.Capability[m], ref capabilityHint).Months : double.NaN;
                    double compute = f.HasEntered ? TimeDistance.Behind(w.WorldComputeSeries(m), ti, f.LargestRunLogFlop[m], ref computeHint).Months : double.NaN;
                    Assert.Equal(BitConverter.DoubleToInt64Bits(capability), BitConverter.DoubleToInt64Bits(w.FirmGap[f.Index][m]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(compute), BitConverter.DoubleToInt64Bits(w.FirmComputeGap[f.Index][m]));
                    if (!double.IsNaN(capability)) measured++;
                    if (!double.IsNaN(capability) && f.Capability[m] == lastLevel[f.Index][m]) unchanged++;
                    lastLevel[f.Index][m] = f.Capability[m];
                }
        }
        // The reuse was exercised: many firm-months kept their level.
        Assert.True(measured > 1000 && unchanged > measured / 10, $"{measured} gaps measured, {unchanged} at an unchanged level");
    }

    [Fact]
    public void A_crossing_is_the_interpolated_month_the_leader_first_reached_the_level()
    {
        // Leader 0, 1, 3, 3.5: level 2 is crossed halfway from month 1 to 2, level 0 at month 0;
        // level 5 is not reached by month 3 (NaN, hint past t); level −1 was passed before month 0 (NaN, hint 0).
        var leader = new MonthlySeries([0, 1, 3, 3.5]);
        int hint = 0;
        Assert.Equal(1.5, TimeDistance.Crossing(leader, 3, 2, ref hint));
        Assert.Equal(2, hint);
        hint = 0;
        Assert.Equal(0, TimeDistance.Crossing(leader, 3, 0, ref hint));
        hint = 0;
        Assert.True(double.IsNaN(TimeDistance.Crossing(leader, 3, 5, ref hint)));
        Assert.Equal(4, hint);
        hint = 0;
        Assert.True(double.IsNaN(TimeDistance.Crossing(leader, 3, -1, ref hint)));
        Assert.Equal(0, hint);
        Assert.Equal(new GapResult(3 - 1.5, GapFlag.Exact), TimeDistance.Behind(leader, 3, 2, ref hint));
    }
}
