using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Tests;

/// <summary>C6 (v2): run length and the phase of the first run's end are drawn per member, so runs do not end in lockstep.</summary>
public class RunPhaseTests
{
    private static WorldSpec World(bool stagger) => TestWorlds.UsCn(months: 36) with
    {
        Firms = TestWorlds.UsCn().Firms.Select(f => f with { RunMonths = new UniformDist(2.5, 6.5), StaggerRuns = stagger }).ToList(),
    };

    [Fact]
    public void Each_member_draws_a_whole_run_length_and_a_phase_below_it()
    {
        var spec = World(stagger: true);
        var sim = new BlockSimulation(spec, firstMember: 0, count: 200);
        var firm = sim.Firms[2];
        var draws = new MemberDraws(spec.Seed, 0, 200, false);
        var length = draws.Draw(new UniformDist(2.5, 6.5), firm.Actor, DrawSlot.ParameterBase + 6);
        var phase = draws.Draw(new UniformDist(0, 1), firm.Actor, DrawSlot.ParameterBase + 7);
        for (int m = 0; m < 200; m++)
        {
            int n = (int)Math.Round(length[m], MidpointRounding.AwayFromZero); // 2.5..6.5 → 3..6
            Assert.Equal(n, firm.RunMonths[m]);
            Assert.InRange(firm.RunMonths[m], 3, 6);
            Assert.Equal((int)(phase[m] * n), firm.RunPhase[m]);
            // The first run ends T − phase months after entry (t = entry + T − phase − 1), then every T months.
            var first = spec.Start + (n - firm.RunPhase[m] - 1);
            Assert.True(firm.RunEndsAt(first, spec.Start, m));
            Assert.True(firm.RunEndsAt(first + n, spec.Start, m));
            for (int k = 1; k < n; k++) Assert.False(firm.RunEndsAt(first + k, spec.Start, m));
        }
        Assert.True(firm.RunPhase.Distinct().Count() >= 4, "phases do not spread");
        Assert.True(firm.RunMonths.Distinct().Count() == 4, "lengths 3..6 are not all drawn");
    }

    [Fact]
    public void Staggered_runs_end_in_every_month_for_some_members_and_aligned_ones_in_lockstep_by_length()
    {
        foreach (bool stagger in new[] { true, false })
        {
            var spec = World(stagger);
            var firm = new BlockSimulation(spec, 0, 200).Firms[0];
            for (int ti = 6; ti < 36; ti++)
            {
                var t = spec.Start + ti;
                int ending = Enumerable.Range(0, 200).Count(m => firm.RunEndsAt(t, spec.Start, m));
                if (stagger) Assert.InRange(ending, 1, 199); // some members, never all or none
                else
                    // Without stagger a member ends a run when T divides ti + 1: exactly the members of those lengths.
                    Assert.Equal(Enumerable.Range(0, 200).Count(m => (ti + 1) % firm.RunMonths[m] == 0), ending);
            }
            Assert.All(firm.RunPhase, p => Assert.True(stagger || p == 0));
        }
    }
}

/// <summary>A staggered first run is as long as the others: it began RunPhase months before entry.</summary>
public class StaggeredFirstRunTests
{
    [Fact]
    public void On_constant_compute_every_first_run_has_the_flop_of_a_whole_run_whatever_its_phase()
    {
        // No funding, no reinvested revenue and no depreciation: utilised compute stays u·H0, so a run of T months has C = φ·F·T·u·H0.
        var world = TestWorlds.UsCn(months: 12);
        var spec = world with
        {
            Parameters = world.Parameters.With(ParameterCatalog.ComputeDepreciationPerMonth, new Fixed(0))
                .With(ParameterCatalog.Utilisation, new Fixed(0.35))
                .With(ParameterCatalog.RevenueReinvestment, new Fixed(0)),
            Firms = world.Firms.Select(f => f with
            {
                Funding = FundingSchedule.Flat(0, TestWorlds.Start), InitialCompute = new Fixed(1000), RunMonths = new Fixed(4),
                StaggerRuns = true, FrontierRunShare = StepSchedule.Constant(0.4),
            }).ToList(),
        };
        var sim = new BlockSimulation(spec, 0, 50);
        double whole = Math.Log10(0.4 * spec.Parameters[ParameterCatalog.FlopPerH100eMonth].Central * 4 * 0.35 * 1000);
        var firm = sim.Firms[0];
        var firstEnd = new bool[50];
        for (int ti = 0; ti < 6; ti++)
        {
            var t = spec.Start + ti;
            sim.Step();
            for (int m = 0; m < 50; m++)
                if (!firstEnd[m] && firm.RunEndsAt(t, spec.Start, m))
                {
                    firstEnd[m] = true;
                    Assert.Equal(whole, firm.LastRunLogFlop[m], 9);
                }
        }
        Assert.All(firstEnd, Assert.True);
        Assert.True(firm.RunPhase.Distinct().Count() > 1);
    }
}
