using static AiRaceSim.Model.Tests.Near;
using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;
using static AiRaceSim.Model.Tests.DifferentialRun;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Support, price wars, patent subsidies, licensing, API blocks, funding rounds, open weights, exit and entry: each run
/// with and without its event on common random numbers; identical before the event's month, the predicted change in it.
/// </summary>
public class ActionDifferentialTests
{
    private static readonly Month E = Month.Of(2020, 7);


    [Theory]
    [InlineData(false, 37.0)]  // set: Sub = 37 (from 20)
    [InlineData(true, 1.7)]    // scale: Sub = 20 × 1.7
    public void Support_raises_each_firms_budget_demand_by_sub_times_its_national_share(bool scale, double value)
    {
        var run = Through(World(), At(E, new Support("CN", new Fixed(value), scale)));
        double rise = (scale ? 20 * value : value) - 20;
        double sum = 0;
        foreach (var id in new[] { "cn-a", "cn-b" })
        {
            var (a, b) = (run.Base.Firms[run.Firm(id)], run.With.Firms[run.Firm(id)]);
            for (int m = 0; m < Members; m++)
            {
                double share = run.ShareBefore[a.Index][m];
                Assert.InRange(share, 0.05, 0.95); // guard: a real split between the two labs
                Close(a.BudgetDemand[m] + rise * share, b.BudgetDemand[m], $"{id} budget demand");
                if (m == 0) sum += b.BudgetDemand[m] - a.BudgetDemand[m];
            }
        }
        Close(rise, sum, "the country's firms share the whole support");
        Assert.Equal(run.Base.Firms[0].BudgetDemand, run.With.Firms[0].BudgetDemand); // the US untouched
    }

    [Fact]
    public void Price_war_scales_market_spend_and_next_month_budgets_by_rho_rev_times_the_revenue_gained()
    {
        var run = Through(World(), At(E, new PriceWar("CN", new Fixed(1.35))));
        int cn = run.Country("CN");
        for (int m = 0; m < Members; m++)
        {
            Assert.True(run.Base.Countries[cn].Spend[m] > 0);
            Close(1.35 * run.Base.Countries[cn].Spend[m], run.With.Countries[cn].Spend[m], "spend");
        }
        // Revenue earned in the war month feeds next month's budget (C2) with ρ_rev = 0.37; funding is unchanged.
        var gained = run.Base.Firms.Select(f => Enumerable.Range(0, Members)
            .Select(m => run.With.World.View.Revenue[f.Index][m] - run.Base.World.View.Revenue[f.Index][m]).ToArray()).ToArray();
        run.Step();
        int i = run.Firm("cn-a");
        var (a, b) = (run.Base.Firms[i], run.With.Firms[i]);
        for (int m = 0; m < Members; m++)
        {
            Assert.True(gained[i][m] > 0, "guard: the war raised the lab's revenue");
            Assert.Equal(a.Funding[m], b.Funding[m]);
            Close(a.BudgetDemand[m] + 0.37 * gained[i][m], b.BudgetDemand[m], "budget demand");
        }
    }

    [Fact]
    public void Patent_subsidy_multiplies_expected_patents()
    {
        var run = Through(World(deterministic: true), At(E, new PatentSubsidy("CN", new Fixed(1.6))));
        foreach (var id in new[] { "cn-a", "cn-b" })
        {
            var (a, b) = (run.Base.Firms[run.Firm(id)], run.With.Firms[run.Firm(id)]);
            Assert.True(a.Patents[0] > 0);
            Close(1.6 * a.Patents[0], b.Patents[0], id);
        }
        Assert.Equal(run.Base.Firms[0].Patents, run.With.Firms[0].Patents);
    }

    [Fact]
    public void Licensing_holds_deployment_until_an_approval_round_then_deploys_the_pending_best()
    {
        var run = Through(World(), At(E, new Licensing("CN", true, 0.2, 3)));
        int cn = run.Country("CN"), us = run.Firm("us-frontier"), i = run.Firm("cn-a");
        Assert.True(run.Base.Countries[cn].Appeal[us][0] > 0);
        Assert.All(run.With.Countries[cn].Appeal[us], x => Assert.Equal(0, x)); // unlicensed foreign models leave the market
        var f = run.With.Firms[i];
        var held = new bool[Members];
        var deployed = new bool[Members];
        double[] before = run.Base.Firms[i].Capability.ToArray();
        for (int month = 0; month < 4; month++)
        {
            var c = run.With.Countries[cn];
            for (int m = 0; m < Members; m++)
            {
                if (!c.ApprovalRound[m])
                {
                    Assert.Equal(before[m], f.Capability[m]);          // nothing deploys between rounds
                    Assert.True(f.Pending[m] >= f.Candidate[m]);
                    held[m] |= f.Pending[m] > before[m];
                }
                else
                {
                    Assert.True(f.Capability[m] >= before[m]);
                    Assert.True(double.IsNegativeInfinity(f.Pending[m]));
                    deployed[m] |= held[m] && f.Capability[m] > before[m];
                }
                before[m] = f.Capability[m];
            }
            if (month < 3) run.Step();
        }
        // Guards: some member held a better model back, and a round deployed it (L_lic = 3 forces one in 3 months).
        Assert.Contains(true, held);
        Assert.Contains(true, deployed);
    }

    [Fact]
    public void Api_block_keeps_the_leakage_share_of_access_and_appeal_and_unblock_restores_them()
    {
        var block = At(E, new ApiBlock("us-frontier", "CN", new Fixed(0.35)));
        // The CN labs serve no API here (a lab's own deployed model can teach it), so the US model is cn-a's only teacher.
        var world = World();
        var spec = world with { Firms = [.. world.Firms.Take(2), .. world.Firms.Skip(2).Select(f => f with { ServesApi = false })] };
        var run = Through(spec, block, At(E + 2, new ApiUnblock("us-frontier", "CN")));
        int cn = run.Country("CN"), us = run.Firm("us-frontier"), i = run.Firm("cn-a");
        var (a, b) = (run.Base.Countries[cn], run.With.Countries[cn]);
        for (int m = 0; m < Members; m++)
        {
            Assert.True(a.ApiAccess[us][m] > 0 && a.Appeal[us][m] > 0);
            Close(0.35 * a.ApiAccess[us][m], b.ApiAccess[us][m], "access");
            Close(0.35 * a.Appeal[us][m], b.Appeal[us][m], "appeal");
            // K3 in the same month: the US model was this lab's teacher and now teaches less.
            Assert.True(run.Base.Firms[i].Teacher[m] > run.Base.Firms[i].Base[m], "guard: the API model is a teacher");
            // K3: teacher = floor + access·(K_api − floor), floor = max(K_open, own base); access falls from 0.5 to 0.175.
            double floor = Math.Max(run.OpenBestBefore[m], run.Base.Firms[i].Base[m]);
            Close(0.35 * (run.Base.Firms[i].Teacher[m] - floor), run.With.Firms[i].Teacher[m] - floor, "teacher above the floor");
        }
        run.Step(); run.Step();
        Assert.Equal(a.ApiAccess[us], b.ApiAccess[us]);
        Assert.Equal(a.Appeal[us], b.Appeal[us]);
    }

    [Fact]
    public void Funding_scale_multiplies_funding_from_its_month_on()
    {
        var run = Through(World(), At(E, new FundingScale("cn-a", new Fixed(1.7))));
        int i = run.Firm("cn-a");
        for (int month = 0; month < 3; month++)
        {
            for (int m = 0; m < Members; m++)
            {
                Close(1.7 * run.Base.Firms[i].Funding[m], run.With.Firms[i].Funding[m], "funding");
                if (month == 0) Close(run.Base.Firms[i].BudgetDemand[m] + 0.7 * run.Base.Firms[i].Funding[m], run.With.Firms[i].BudgetDemand[m], "budget demand");
            }
            Assert.Equal(run.Base.Firms[run.Firm("cn-b")].Funding, run.With.Firms[run.Firm("cn-b")].Funding);
            run.Step();
        }
    }

    [Fact]
    public void Open_weights_puts_the_firms_model_into_the_open_best()
    {
        var run = Through(World(), At(E, new OpenWeights("us-frontier", true)));
        var f = run.With.Firms[run.Firm("us-frontier")];
        Assert.True(f.OpenWeights);
        for (int m = 0; m < Members; m++)
        {
            Assert.True(f.Capability[m] > run.Base.World.View.OpenBest[m], "guard: the frontier lab is ahead of the open best");
            Assert.Equal(run.Base.Firms[0].Capability[m], f.Capability[m]);
            Assert.Equal(f.Capability[m], run.With.World.View.OpenBest[m]);
        }
    }

    [Fact]
    public void Exit_stops_the_firm_and_hands_its_national_share_to_the_others()
    {
        var run = Through(World(), At(E, new Exit("cn-b")));
        var (a, b) = (run.Base.Firms[run.Firm("cn-b")], run.With.Firms[run.Firm("cn-b")]);
        Assert.True(a.Active);
        Assert.False(b.Active);
        Assert.All(b.Budget, x => Assert.Equal(0, x));
        int i = run.Firm("cn-a");
        for (int m = 0; m < Members; m++)
        {
            Assert.True(run.Base.World.View.NationalShare[i][m] < 0.95);
            Assert.Equal(1, run.With.World.View.NationalShare[i][m]);
            Assert.Equal(run.CapabilityBefore[b.Index][m], b.Capability[m]); // its last model stays, not stepped
        }
    }

    [Fact]
    public void Entrant_enters_in_its_month_at_the_world_frontier_of_its_frontier_at_date()
    {
        var entry = Month.Of(2021, 3);
        var at = Month.Of(2020, 6);
        var spec = World() with
        {
            Firms = [.. World().Firms, TestWorlds.Firm("cn-new", "CN", 15, h0: 0, z0: 0) with { Entry = entry, EntryCapability = new FrontierAt(at) }],
        };
        var sim = new BlockSimulation(spec, 0, Members);
        var f = sim.Firms[^1];
        while (sim.Next < entry)
        {
            sim.Step();
            Assert.False(f.Active);
            Assert.All(f.Budget, x => Assert.Equal(0, x));
        }
        sim.Step();
        Assert.True(f.Active);
        int di = at - spec.Start;
        for (int m = 0; m < Members; m++)
        {
            double level = sim.World.WorldFrontier[di, m];
            Assert.True(level < sim.World.WorldFrontier[entry - spec.Start, m] - 0.1, "guard: the frontier moved since");
            Assert.Equal(level, f.Base[m]);                       // K at entry, no run finished yet
            Assert.True(f.Capability[m] >= level);
        }
    }
}
