using AiRaceSim.Model.Random;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>The compute gap carries its own flag series (v2), as the capability gap does: a bound is never passed off as a measurement.</summary>
public class ComputeGapFlagTests
{
    [Fact]
    public void The_compute_gap_flag_is_the_flag_of_the_time_distance_on_the_compute_frontiers()
    {
        // cn-a starts with algorithms 40 months ahead: China leads in capability while behind in compute,
        // so the two flags must differ somewhere.
        var world = TestWorlds.UsCn(months: 72);
        var spec = world with { Firms = [.. world.Firms.Select(f => f.Id == "cn-a" ? f with { AlgorithmicLagMonths = new Fixed(-40) } : f)] };
        var catalog = new SeriesCatalog(spec, ["largest_run_log_flop", "compute_gap_months", "compute_gap_flag", "capability_gap_flag"], ["US", "CN", "CN-US"]);
        var sim = new BlockSimulation(spec, 0, 4, catalog);
        sim.Run();
        var s = sim.TakeSeries()!;
        int Key(string entity, string metric) => catalog.Keys.ToList().FindIndex(k => k.Entity == entity && k.Metric == metric);
        int us = Key("US", "largest_run_log_flop"), cn = Key("CN", "largest_run_log_flop");
        int months = Key("CN-US", "compute_gap_months"), flag = Key("CN-US", "compute_gap_flag"), capability = Key("CN-US", "capability_gap_flag");
        int differ = 0;
        for (int m = 0; m < 4; m++)
        {
            var leader = Enumerable.Range(0, 72).Select(t => s[us, t, m]).ToArray();
            var follower = Enumerable.Range(0, 72).Select(t => s[cn, t, m]).ToArray();
            for (int t = 0; t < 72; t++)
            {
                var expected = TimeDistance.Gap(leader, follower, t);
                Assert.Equal((double)expected.Flag, s[flag, t, m]);
                if (double.IsNaN(expected.Months)) Assert.True(double.IsNaN(s[months, t, m]));
                else Assert.Equal(expected.Months, s[months, t, m], 9);
                if (s[flag, t, m] != s[capability, t, m]) differ++;
            }
        }
        // Not the capability flag under another name: the two differ in some member-months of this world.
        Assert.True(differ > 0);
    }
}
