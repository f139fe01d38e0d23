using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>A block validates its scenario before drawing anything and names what is wrong with its size.</summary>
public class BlockSimulationMutantTests
{
    [Fact]
    public void A_block_refuses_a_scenario_that_does_not_validate()
    {
        var w = TestWorlds.UsCn(months: 6, deterministic: true);
        var rule = new ThresholdRule
        {
            Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
            Threshold = new ThresholdPath(6), ProbabilityPerMonth = 1.01, Then = new Support("CN", new Fixed(5)),
        };
        var e = Assert.Throws<ArgumentException>(() => new BlockSimulation(w with { Rules = [rule] }, 0, 2));
        Assert.Equal("probability_per_month must be in [0, 1]", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_block_of_no_members_is_refused_by_name(int count)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BlockSimulation(TestWorlds.UsCn(months: 6), 0, count));
        Assert.Equal("count", e.ParamName);
        Assert.Equal("a block holds at least one member (Parameter 'count')", e.Message);
    }
}
