using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// A government's start state (API access and appeal of home, foreign and home-only labs, spending growth,
/// perception, saturation ceilings), blocks, licensing and their interplay; and the world's start state
/// (pre-start histories, the measured pairs, firm gaps before the first month).
/// </summary>
public class CountryStateMutantTests
{
    private const int Members = 3, UsF = 0, UsO = 1, CnA = 2;
    private const double Access = 0.37, Leakage = 0.25;
    private static readonly UniformDist AppealDist = new(0.2, 0.9);

    /// <summary>us-frontier serves its API abroad at a drawn appeal, us-open only at home; CN reaches 37 % of foreign APIs.</summary>
    private static WorldSpec Spec()
    {
        var w = TestWorlds.UsCn(months: 12, seed: 5);
        return w with
        {
            Countries =
            [
                TestWorlds.Country("US"),
                TestWorlds.Country("CN", access: Access) with
                {
                    Market = TestWorlds.Country("CN").Market with { SpendGrowthPerYear = new Fixed(1.8) },
                    Perception = new PerceptionSpec { Of = "CN", Behind = "US", Kappa = new Fixed(0.37), Bias = new Fixed(-0.6), NoiseSd = new Fixed(1.3) },
                    BudgetCeilingShare = new Fixed(0.03), SpendCeilingShare = new Fixed(0.045),
                },
                TestWorlds.Country("JP", access: 0.6),
            ],
            Firms =
            [
                TestWorlds.Firm("us-frontier", "US", 300, abroad: true) with { ForeignAppeal = AppealDist },
                TestWorlds.Firm("us-open", "US", 150, open: true),
                TestWorlds.Firm("cn-a", "CN", 60),
            ],
        };
    }

    private static MemberDraws Draws(WorldSpec spec) => new(spec.Seed, 10, Members, spec.Deterministic);
    private static CountryState State(WorldSpec spec, string country) => new(spec, spec.CountryIndex(country), Draws(spec));
    // Pins the random-stream layout (the firm's stream, slot ParameterBase + 90): a deliberate change of slots must update this.
    private static double[] Appeal(WorldSpec spec) => Draws(spec).Draw(AppealDist, ActorKey.Of("firm", "us-frontier"), DrawSlot.ParameterBase + 90);

    [Fact]
    public void Home_labs_are_fully_reachable_foreign_labs_at_the_country_s_access_and_home_only_labs_not_at_all()
    {
        var spec = Spec();
        var cn = State(spec, "CN");
        var us = State(spec, "US");
        var appeal = Appeal(spec);
        Assert.True(appeal.Distinct().Count() == Members && appeal.All(a => a is > 0.2 and < 0.9));
        for (int m = 0; m < Members; m++)
        {
            Assert.Equal((Access, 0.0, 1.0), (cn.ApiAccess[UsF][m], cn.ApiAccess[UsO][m], cn.ApiAccess[CnA][m]));
            Assert.Equal((Access, 0.0, 1.0), (cn.BaseAccess[UsF][m], cn.BaseAccess[UsO][m], cn.BaseAccess[CnA][m]));
            Assert.Equal((appeal[m] * Access, 0.0, 1.0), (cn.Appeal[UsF][m], cn.Appeal[UsO][m], cn.Appeal[CnA][m]));
            Assert.Equal((1.0, 1.0, 0.0), (us.ApiAccess[UsF][m], us.ApiAccess[UsO][m], us.ApiAccess[CnA][m]));
            Assert.Equal((1.0, 1.0, 0.0), (us.Appeal[UsF][m], us.Appeal[UsO][m], us.Appeal[CnA][m]));
        }
    }

    [Fact]
    public void A_lab_s_foreign_appeal_is_its_own_draw_on_slot_190_the_same_in_every_country()
    {
        var spec = Spec();
        var appeal = Appeal(spec);
        var jp = State(spec, "JP");
        var cn = State(spec, "CN");
        for (int m = 0; m < Members; m++)
        {
            Assert.Equal(appeal[m] * 0.6, jp.BaseAppeal[UsF][m], 15);
            Assert.Equal(appeal[m] * Access, cn.BaseAppeal[UsF][m], 15);
        }
    }

    [Fact]
    public void Spending_grows_by_the_twelfth_root_of_the_yearly_factor_each_month()
    {
        var cn = State(Spec(), "CN");
        Assert.All(cn.SpendLogGrowth, g => Assert.Equal(Math.Log(1.8) / 12, g, 15)); // 0.04898...
    }

    [Fact]
    public void Perception_parameters_come_from_the_country_s_perception_and_default_without_one()
    {
        var spec = Spec();
        var cn = State(spec, "CN");
        var us = State(spec, "US");
        Assert.True(cn.HasPerception);
        Assert.False(us.HasPerception);
        for (int m = 0; m < Members; m++)
        {
            Assert.Equal((0.37, -0.6, 1.3), (cn.Kappa[m], cn.Bias[m], cn.NoiseSd[m]));
            Assert.Equal((1.0, 0.0, 0.0), (us.Kappa[m], us.Bias[m], us.NoiseSd[m]));
        }
    }

    [Fact]
    public void The_saturation_ceilings_of_the_start_month_are_set_on_construction()
    {
        var spec = Spec();
        var us = State(spec, "US");
        Assert.All(us.Gdp, g => Assert.True(double.IsNaN(g)));
        Assert.All(us.BudgetCeiling, c => Assert.Equal(double.PositiveInfinity, c));
        Assert.All(us.SpendCeiling, c => Assert.Equal(double.PositiveInfinity, c));
        // 18 T$/yr a year before the start, growing 2 % a year: 1.5e6 · 1.02 = 1.53e6 M$ a month at the start.
        var withGdp = spec with { Countries = [spec.Countries[0], spec.Countries[1] with { Gdp = new GdpSeries(18, TestWorlds.Start - 12, 1.02) }, spec.Countries[2]] };
        var cn = State(withGdp, "CN");
        for (int m = 0; m < Members; m++)
        {
            Assert.Equal(1.53e6, cn.Gdp[m], 6);
            Assert.Equal(0.03 * 1.53e6, cn.BudgetCeiling[m], 6);
            Assert.Equal(0.045 * 1.53e6, cn.SpendCeiling[m], 6);
        }
    }

    [Fact]
    public void A_block_keeps_the_leakage_share_and_licensing_lifted_over_it_restores_only_that_share()
    {
        var spec = Spec();
        var cn = State(spec, "CN");
        var a = Appeal(spec);
        const int m = 1;
        cn.Block(UsF, m, Leakage);
        cn.Block(UsO, m, Leakage); // a lab with no access abroad: nothing to keep
        Assert.True(cn.Blocked[UsF][m] && cn.Blocked[UsO][m]);
        Assert.False(cn.Blocked[UsF][0]);
        Assert.Equal(Leakage * Access, cn.ApiAccess[UsF][m], 15);
        Assert.Equal(Leakage * a[m] * Access, cn.Appeal[UsF][m], 15);
        Assert.Equal(a[0] * Access, cn.Appeal[UsF][0]); // other members untouched

        cn.SetLicensing(m, on: true, hazard: 0.3, maxMonths: 3);
        Assert.Equal((0.0, 0.0, 1.0), (cn.Appeal[UsF][m], cn.Appeal[UsO][m], cn.Appeal[CnA][m])); // the home lab stays

        cn.SetLicensing(m, on: false, hazard: 0, maxMonths: 0);
        Assert.Equal(Leakage * a[m] * Access, cn.Appeal[UsF][m], 15); // the block still holds
        Assert.Equal(0.0, cn.Appeal[UsO][m]); // no access: 0, not 0/0
        Assert.Equal(1.0, cn.Appeal[CnA][m]);
    }

    [Fact]
    public void Under_licensing_blocking_and_unblocking_a_foreign_lab_leaves_its_appeal_at_zero()
    {
        var spec = Spec();
        var cn = State(spec, "CN");
        var a = Appeal(spec);
        const int m = 2;
        cn.SetLicensing(m, on: true, hazard: 0.3, maxMonths: 3);
        cn.Block(UsF, m, Leakage);
        Assert.Equal(0.0, cn.Appeal[UsF][m]);
        Assert.Equal(Leakage * Access, cn.ApiAccess[UsF][m], 15);
        cn.Unblock(UsF, m);
        Assert.False(cn.Blocked[UsF][m]);
        Assert.Equal(0.0, cn.Appeal[UsF][m]);
        Assert.Equal(Access, cn.ApiAccess[UsF][m]);
        cn.SetLicensing(m, on: false, hazard: 0, maxMonths: 0);
        Assert.Equal(a[m] * Access, cn.Appeal[UsF][m]);
        // Without licensing, unblocking restores the whole appeal.
        cn.Block(CnA, 0, Leakage);
        Assert.Equal(Leakage, cn.Appeal[CnA][0]);
        cn.Unblock(CnA, 0);
        Assert.Equal((false, 1.0, 1.0), (cn.Blocked[CnA][0], cn.Appeal[CnA][0], cn.ApiAccess[CnA][0]));
    }

    [Fact]
    public void Pre_start_histories_are_kept_for_countries_that_have_one_in_months_from_the_start()
    {
        var spec = Spec();
        var start = TestWorlds.Start;
        spec = spec with { Countries = [spec.Countries[0], spec.Countries[1] with { HistoryBeforeStart = [(start - 7, 17.5), (start - 2, 18.25)] }, spec.Countries[2]] };
        var w = new WorldState(spec, Members);
        Assert.Null(w.CountryHistory[0]);
        Assert.Null(w.CountryHistory[2]);
        Assert.Equal([(-7.0, 17.5), (-2.0, 18.25)], w.CountryHistory[1]!.Points);
    }

    [Fact]
    public void The_measured_pairs_are_the_gap_pairs_then_the_perceptions_then_the_rules_without_repeats()
    {
        var spec = Spec() with
        {
            GapPairs = [new GapPair("JP", "US")],
            Rules =
            [
                new ThresholdRule
                {
                    Government = "US", Metric = RuleMetric.CapabilityGap, Of = "US", Behind = "CN", Op = Comparison.Below,
                    Threshold = new ThresholdPath(6), ForMonths = 2, Then = new ExportControl("US", "CN", 1),
                },
                new ThresholdRule
                {
                    Government = "US", Metric = RuleMetric.CapabilityGap, Of = "JP", Behind = "US", Op = Comparison.Below,
                    Threshold = new ThresholdPath(6), ForMonths = 2, Then = new ExportControl("US", "JP", 1),
                },
            ],
        };
        Assert.Equal([new GapPair("JP", "US"), new GapPair("CN", "US"), new GapPair("US", "CN")], WorldState.MeasuredPairs(spec));
    }

    [Fact]
    public void Before_the_first_month_no_firm_has_a_gap()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        Assert.All(sim.World.FirmGap.Concat(sim.World.FirmComputeGap), g => Assert.All(g, x => Assert.True(double.IsNaN(x))));
    }
}
