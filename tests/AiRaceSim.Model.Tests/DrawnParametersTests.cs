using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>The draws output: the uncertain parameters, named by scenario paths, equal to what the kernel's state holds.</summary>
public sealed class DrawnParametersTests
{
    /// <summary>UsCn with an uncertain parameter of every kind of owner: the world, a tier, a country (and its φ scale), a firm, a funding level.</summary>
    private static WorldSpec World() => TestWorlds.UsCn(months: 24) with
    {
        Countries =
        [
            TestWorlds.Country("US") with { FrontierRunShareScale = new UniformDist(0.5, 1.5) },
            TestWorlds.Country("CN") with { SmugglingBase = new BetaDist(2, 10), BudgetCeilingShare = new Fixed(0.04), SpendCeilingShare = new Fixed(0.1) },
        ],
        ExportTiers = [new ExportTier("none", new Fixed(0), new Fixed(1)), new ExportTier("h20", new UniformDist(0.2, 0.4), new Fixed(1))],
        Firms =
        [
            TestWorlds.Firm("us-frontier", "US", 300, abroad: true) with
            {
                Funding = new FundingSchedule(new UniformDist(200, 400), TestWorlds.Start, [(TestWorlds.Start, new Fixed(1.5))]),
                ForeignAppeal = new UniformDist(0.5, 1),
            },
            TestWorlds.Firm("us-open", "US", 150, open: true, publishes: true),
            TestWorlds.Firm("cn-a", "CN", 60) with { Distillation = new BetaDist(4, 4), ComputeShare = new UniformDist(0.5, 0.7) },
        ],
    };

    [Fact]
    public void Each_draw_is_the_array_the_kernel_steps_with()
    {
        var spec = World();
        var sim = new BlockSimulation(spec, 0, 10);
        var drawn = DrawnParameters.Of(spec, 3, 4).ToDictionary(p => p.Path, p => p.Values);
        var us = sim.Countries[0];
        var cn = sim.Countries[1];
        var kernel = new Dictionary<string, double[]>
        {
            ["parameters.algorithmic_halving_months"] = sim.Global.TauAlg,
            ["parameters.diffusion_rate_per_month"] = sim.Global.Psi,
            ["parameters.distillation_loss"] = sim.Global.DistillLoss,
            ["export_tiers.h20.compliant_efficiency"] = sim.Tiers.Efficiency[1],
            ["countries.US.budget_ceiling_share_of_gdp"] = us.BudgetCeilingShare,
            ["countries.US.spend_ceiling_share_of_gdp"] = us.SpendCeilingShare,
            ["countries.CN.smuggling_base"] = cn.SmugglingBase,
            ["countries.US.frontier_run_share_scale"] = sim.Firms[0].RunShareScale,
            ["firms.us-frontier.foreign_appeal"] = Divide(cn.BaseAppeal[0], cn.BaseAccess[0]),
            ["firms.cn-a.distillation"] = sim.Firms[2].Distillation,
            ["firms.cn-a.compute_share"] = sim.Firms[2].ComputeShare,
        };
        // The funding level: the kernel's funding at the start is the level (growth 1.5/yr from the same month, so none yet).
        var funding = new double[10];
        sim.Firms[0].FundingDraws.LevelAt(TestWorlds.Start, funding);
        kernel["firms.us-frontier.funding.musd_per_month"] = funding;

        // Exactly these, in the order the kernel draws them: the world, tiers, countries, firms.
        Assert.Equal(
        [
            "parameters.algorithmic_halving_months", "parameters.diffusion_rate_per_month", "parameters.distillation_loss",
            "export_tiers.h20.compliant_efficiency",
            // US: its firms' appeal abroad is drawn in the country's loop over firms, before its v2 ceilings (default U(0.02, 0.05)).
            "firms.us-frontier.foreign_appeal",
            "countries.US.budget_ceiling_share_of_gdp", "countries.US.spend_ceiling_share_of_gdp",
            "countries.CN.smuggling_base",
            "countries.US.frontier_run_share_scale", "firms.us-frontier.funding.musd_per_month",
            "firms.cn-a.compute_share", "firms.cn-a.distillation",
        ], DrawnParameters.Of(spec, 3, 4).Select(p => p.Path));
        foreach (var (path, values) in kernel)
            for (int m = 0; m < 4; m++)
                Near.Close(values[3 + m], drawn[path][m], $"{path}, member {3 + m}", 1e-15);
    }

    [Fact]
    public void A_firm_s_own_parameters_are_logged_under_their_scenario_keys_as_the_firm_holds_them()
    {
        // Every parameter FirmState draws for itself uncertain (funding has its own draws, checked above), named as
        // docs/SCENARIOS.md names the firm's keys.
        var world = TestWorlds.UsCn(months: 12);
        var lab = TestWorlds.Firm("cn-a", "CN", 60) with
        {
            ComputeShare = new UniformDist(0.5, 0.7), ResearchShare = new UniformDist(0.2, 0.3), Distillation = new BetaDist(4, 4),
            InitialCompute = new UniformDist(100, 200), InitialResearchStock = new UniformDist(50, 80),
            AlgorithmicLagMonths = new UniformDist(0, 12), RunMonths = new UniformDist(2.5, 6.5), StaggerRuns = true,
        };
        var spec = world with { Firms = [world.Firms[0], world.Firms[1], lab] };
        var firm = new BlockSimulation(spec, 0, 6).Firms[2];
        var logged = DrawnParameters.Of(spec, 0, 6).Where(p => p.Path.StartsWith("firms.cn-a.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "firms.cn-a.compute_share", "firms.cn-a.research_share", "firms.cn-a.distillation", "firms.cn-a.initial_compute_h100e",
            "firms.cn-a.initial_research_stock_musd", "firms.cn-a.algorithmic_lag_months", "firms.cn-a.run_months",
            "firms.cn-a.stagger_runs.first_run_phase",
        ], logged.Select(p => p.Path));
        double[][] held = [firm.ComputeShare, firm.ResearchShare, firm.Distillation, firm.InitialCompute, firm.InitialResearch, firm.AlgorithmicLag];
        for (int i = 0; i < held.Length; i++) Assert.Equal(held[i], logged[i].Values);
        for (int m = 0; m < 6; m++)
        {
            // T_run as drawn, rounded half away from 0 into 1..24; the first run's phase ⌊u·T_run⌋ of the drawn u in (0, 1).
            double runMonths = logged[6].Values[m], u = logged[7].Values[m];
            Assert.InRange(runMonths, 2.5, 6.5);
            Assert.Equal((int)Math.Round(runMonths, MidpointRounding.AwayFromZero), firm.RunMonths[m]);
            Assert.Equal((int)(u * firm.RunMonths[m]), firm.RunPhase[m]);
        }
    }

    private static double[] Divide(double[] a, double[] b) => a.Select((x, i) => x / b[i]).ToArray();

    [Fact]
    public void A_uniform_draw_is_its_range_at_the_members_own_uniform()
    {
        // Worked from the definition: U(a, b) at u is a + (b − a)·u, u from the counter stream at (seed, member, actor, setup, slot).
        var spec = World();
        var drawn = DrawnParameters.Of(spec, 5, 2).Single(p => p.Path == "parameters.distillation_loss").Values;
        int slot = ParameterCatalog.DistillationLoss.Slot;
        for (int m = 0; m < 2; m++)
        {
            double u = CounterRng.Uniform(spec.Seed, 5 + m, ActorKey.World, CounterRng.SetupMonth, slot);
            Near.Close(0 + 0.2 * u, drawn[m], $"member {5 + m}", 1e-15);
        }
        Assert.NotEqual(drawn[0], drawn[1]);
    }

    [Fact]
    public void Draws_do_not_depend_on_how_members_are_split_into_blocks()
    {
        var spec = World();
        var whole = DrawnParameters.Of(spec, 0, 9);
        var parts = new[] { DrawnParameters.Of(spec, 0, 2), DrawnParameters.Of(spec, 2, 5), DrawnParameters.Of(spec, 7, 2) };
        for (int p = 0; p < whole.Count; p++)
            Assert.Equal(whole[p].Values, parts.SelectMany(b => b[p].Values));
    }

    [Fact]
    public void One_member_is_enough_and_none_is_refused()
    {
        Assert.Single(DrawnParameters.Of(World(), 4, 1)[0].Values);
        Assert.Contains("at least one member", Assert.Throws<ArgumentOutOfRangeException>(() => DrawnParameters.Of(World(), 4, 0)).Message);
    }

    [Fact]
    public void Two_uncertain_parameters_under_one_path_are_refused()
    {
        var spec = World() with
        {
            ExportTiers = [new ExportTier("none", new Fixed(0), new Fixed(1)), new ExportTier("h20", new UniformDist(0.2, 0.4), new Fixed(1)),
                new ExportTier("h20", new UniformDist(0.1, 0.2), new Fixed(1))],
        };
        var e = Assert.Throws<ArgumentException>(() => DrawnParameters.Of(spec, 0, 3));
        Assert.Contains("'export_tiers.h20.compliant_efficiency'", e.Message);
    }

    [Fact]
    public void A_deterministic_run_logs_the_central_values_and_fixed_values_are_left_out()
    {
        var spec = World() with { Deterministic = true };
        var drawn = DrawnParameters.Of(spec, 0, 3).ToDictionary(p => p.Path, p => p.Values);
        Assert.Equal([0.1, 0.1, 0.1], drawn["parameters.distillation_loss"]);
        Assert.Equal(Enumerable.Repeat(0.5 * (0.2 + 0.4), 3), drawn["export_tiers.h20.compliant_efficiency"]); // the midpoint, in doubles
        Assert.DoesNotContain("parameters.capability_noise_sd", drawn.Keys);      // Fixed(0.02)
        Assert.DoesNotContain("export_tiers.h20.compliant_price", drawn.Keys);     // Fixed(1)
        Assert.DoesNotContain("countries.CN.budget_ceiling_share_of_gdp", drawn.Keys);
    }
}
