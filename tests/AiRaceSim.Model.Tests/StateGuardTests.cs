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
    /// <summary>
    /// The vector check against the definition, one value at a time: every length from 0 to 13 (so the poison falls in
    /// a full vector and in the tail after it), every position, NaN and both infinities, on a linear and a log scale.
    /// </summary>
    [Fact]
    public void The_vector_check_agrees_with_a_value_by_value_check_at_every_position()
    {
        double[] poisons = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        for (int n = 0; n <= 13; n++)
        {
            var values = Enumerable.Range(0, n).Select(i => 1e300 * (i % 2 == 0 ? 1 : -1) + i).ToArray();
            Assert.True(StateGuard.AllFinite(values, logScale: false));
            Assert.True(StateGuard.AllFinite(values, logScale: true));
            for (int at = 0; at < n; at++)
                foreach (var poison in poisons)
                {
                    var poisoned = (double[])values.Clone();
                    poisoned[at] = poison;
                    Assert.False(StateGuard.AllFinite(poisoned, logScale: false));
                    // On a log scale −∞ is a level of zero, allowed; NaN and +∞ are not.
                    Assert.Equal(double.IsNegativeInfinity(poison), StateGuard.AllFinite(poisoned, logScale: true));
                }
        }
    }
}
