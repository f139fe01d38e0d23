using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>The first NaN or infinity in what firms and governments report stops the run, naming entity, variable, month and member.</summary>
public class StateGuardTests
{
    [Fact]
    public void A_NaN_budget_stops_the_month_and_names_firm_variable_month_and_member()
    {
        var sim = new BlockSimulation(TestWorlds.UsCn(), firstMember: 40, count: 3);
        sim.Step(5);
        // Poison after the firm step of month 6 would be overwritten; poison a variable the step carries over instead.
        var firm = sim.Firms.Single(f => f.Spec.Id == "cn-a");
        firm.PatentsCumulative[2] = double.NaN;
        var e = Assert.Throws<NonFiniteStateException>(() => sim.Step());
        Assert.Equal("firm 'cn-a'", e.Entity);
        Assert.Equal("patents_cumulative", e.Variable);
        Assert.Equal(Month.Of(2020, 6), e.Month);
        Assert.Equal(42, e.Member);
        Assert.Equal("the model produced NaN (not a number) for patents_cumulative of firm 'cn-a' in 2020-06, member 42; " +
            "a parameter is probably far outside its usual range (see docs/SCENARIOS.md, Limits)", e.Message);
    }

    [Fact]
    public void An_infinite_country_level_is_caught_too()
    {
        var sim = new BlockSimulation(TestWorlds.UsCn(), firstMember: 0, count: 2);
        sim.Step(3);
        sim.Countries.Single(c => c.Id == "CN").Enforcement[1] = double.PositiveInfinity;
        var e = Assert.Throws<NonFiniteStateException>(() => sim.Step());
        Assert.Equal(("country 'CN'", "enforcement", 1L), (e.Entity, e.Variable, e.Member));
        Assert.Contains("+infinity", e.Message);
    }
}
