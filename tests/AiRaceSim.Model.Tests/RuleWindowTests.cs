using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>A rule's active window (MODEL.md v2): outside it the rule neither counts nor fires.</summary>
public class RuleWindowTests
{
    [Fact]
    public void A_rule_counts_from_its_window_start_and_never_fires_outside_it()
    {
        var start = TestWorlds.Start;
        var spec = TestWorlds.UsCn(months: 40, deterministic: true) with
        {
            Rules =
            [
                new Policy.ThresholdRule
                {
                    Government = "US", Metric = Policy.RuleMetric.CapabilityGap, Of = "CN", Behind = "US",
                    Op = Policy.Comparison.Below, Threshold = new Policy.ThresholdPath(1e9), ForMonths = 3,
                    Then = new Policy.Enforcement("CN", new Random.Fixed(1), Relative: true),
                    From = start + 24, To = start + 30,
                },
            ],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        var enforcement = new List<double>();
        var gap = new List<double>();
        while (!sim.Done)
        {
            gap.Add(sim.World.Gaps.Capability[0][0]);
            sim.Step();
            enforcement.Add(sim.Countries.Single(c => c.Id == "CN").Enforcement[0]);
        }
        Assert.All(gap.Skip(23).Take(9), g => Assert.False(double.IsNaN(g))); // the condition holds in every month of the window
        // Held at 24, 25, 26 (read on t−1): fires at 26; the streak starts again, fires at 29; 32 is past the window's end (30).
        for (int ti = 0; ti < 40; ti++)
            Assert.Equal(ti < 26 ? 0 : ti < 29 ? 1 : 2, enforcement[ti]);
    }
}
