using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Tests;

/// <summary>The v2 changes of K2/K4/G1 and C2 inside a running world, against values from the equations.</summary>
public class ModelV2Tests
{
    [Fact]
    public void G1_a_deployed_open_floor_does_not_count_towards_the_country_frontier()
    {
        // CN's only lab has no compute, no funding and no market (so no revenue): it can only deploy the US open model (K2).
        var world = TestWorlds.UsCn(months: 24, deterministic: true);
        var spec = world with
        {
            Countries = [TestWorlds.Country("US"), TestWorlds.Country("CN", spend: 0)],
            Firms =
            [
                world.Firms[0], world.Firms[1],
                TestWorlds.Firm("cn-downloader", "CN", 0, h0: 0, z0: 0) with { ServesApi = false },
            ],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        sim.Run();
        var cn = sim.Firms[2];
        Assert.True(double.IsFinite(cn.Capability[0]), "the lab deploys the open floor");
        Assert.True(double.IsNegativeInfinity(cn.Trained[0]), $"trained {cn.Trained[0]} base {cn.Base[0]} budget {cn.Budget[0]} installed {cn.Installed[0]} largest {cn.LargestRunLogFlop[0]} cap {cn.Capability[0]}");
        Assert.Equal(double.NegativeInfinity, sim.World.CountryFrontier[1][sim.World.Months - 1, 0]);
        // The floor is the best open model less Δ_ft and Δ_γ·(1 − γ), γ = 0 for a lab with no research stock.
        var p = spec.Parameters;
        double open = sim.Firms[1].Capability[0];
        Assert.True(cn.Capability[0] <= open - p[ParameterCatalog.FineTuneLoss].Central - p[ParameterCatalog.YoungLabLoss].Central + 1e-9);
    }

    /// <summary>CN with no market spending (no revenue), GDP 0.12 T$/yr (10,000 M$/month) at the start and s_c = 0.01.</summary>
    private static CountrySpec CappedChina(double gdpGrowthPerYear) => TestWorlds.Country("CN", spend: 0) with
    {
        Gdp = new GdpSeries(0.12, TestWorlds.Start, gdpGrowthPerYear),
        BudgetCeilingShare = new Fixed(0.01),
    };

    [Fact]
    public void C2_each_members_budget_is_saturated_by_its_own_national_demand_of_the_month_before()
    {
        // CN: two labs whose funding differs by member (drawn) and grows, against this month's ceiling B̄(t) = s_c·GDP(t),
        // s_c = 0.01, GDP 0.12 T$/yr = 10,000 M$/month at the start growing 1.5×/yr: B̄ = 100·1.5^(t/12) M$/month. No revenue,
        // no support, so each lab's demand is its funding. Budget_i(t) = D_i(t)·σ(Σ_j D_j(t−1), B̄(t)),
        // σ(B, B̄) = (1 + (B/B̄)⁴)^(−1/4), member by member.
        var world = TestWorlds.UsCn(months: 24, deterministic: false);
        var cn = CappedChina(gdpGrowthPerYear: 1.5);
        FirmSpec Lab(string id, Distribution funding) => TestWorlds.Firm(id, "CN", 0, growth: 3.0) with
        {
            ServesApi = false,
            Funding = new FundingSchedule(funding, TestWorlds.Start, [(TestWorlds.Start, new Fixed(3.0))]),
        };
        var spec = world with
        {
            Countries = [TestWorlds.Country("US"), cn],
            Firms = [world.Firms[0], world.Firms[1], Lab("cn-a", new UniformDist(20, 90)), Lab("cn-b", new UniformDist(10, 60))],
        };
        var sim = new BlockSimulation(spec, 0, 3);
        FirmState a = sim.Firms[2], b = sim.Firms[3];
        sim.Step();
        Assert.NotEqual(a.BudgetDemand[0], a.BudgetDemand[1]); // the members' demands differ
        for (int month = 1; month < 24; month++)
        {
            var before = Enumerable.Range(0, 3).Select(m => a.BudgetDemand[m] + b.BudgetDemand[m]).ToArray();
            sim.Step();
            for (int m = 0; m < 3; m++)
            {
                Assert.Equal(a.Funding[m], a.BudgetDemand[m], 9);
                double ceiling = 100 * Math.Pow(1.5, month / 12.0);
                double sigma = Math.Pow(1 + Math.Pow(before[m] / ceiling, 4), -0.25);
                Assert.Equal(a.BudgetDemand[m] * sigma, a.Budget[m], 9);
                Assert.Equal(b.BudgetDemand[m] * sigma, b.Budget[m], 9);
            }
        }
        Assert.True(a.BudgetDemand[0] + b.BudgetDemand[0] > 100 * Math.Pow(1.5, 23 / 12.0), "the demand has grown past the ceiling");
    }

    [Fact]
    public void C2_a_national_budget_at_its_ceiling_is_scaled_by_two_to_the_minus_quarter()
    {
        // CN: two labs with constant funding 60 + 40 = 100 M$/month, no revenue (no spending), no support.
        // GDP 0.12 T$/yr = 10,000 M$/month and s_c = 0.01 put the ceiling at 100 M$/month = B_c.
        var world = TestWorlds.UsCn(months: 12, deterministic: true);
        var cn = CappedChina(gdpGrowthPerYear: 1.0);
        var spec = world with
        {
            Countries = [TestWorlds.Country("US"), cn],
            Firms =
            [
                world.Firms[0], world.Firms[1],
                TestWorlds.Firm("cn-a", "CN", 60, growth: 1.0) with { ServesApi = false },
                TestWorlds.Firm("cn-b", "CN", 40, growth: 1.0) with { ServesApi = false },
            ],
        };
        var catalog = new SeriesCatalog(spec, ["ai_budget_share_of_gdp", "gdp", "budget"], ["CN", "US"]);
        var sim = new BlockSimulation(spec, 0, 1, catalog);
        double sigma = Math.Pow(2, -0.25);
        for (int month = 0; month < 12; month++)
        {
            sim.Step();
            Assert.Equal(60 * sigma, sim.Firms[2].Budget[0], 9);
            Assert.Equal(40 * sigma, sim.Firms[3].Budget[0], 9);
            Assert.Equal(60, sim.Firms[2].BudgetDemand[0], 9);
        }
        // The US has no GDP series: its budgets are not scaled.
        Assert.Equal(sim.Firms[0].BudgetDemand[0], sim.Firms[0].Budget[0]);
        // The metrics: 100·2^(−1/4) M$/month of 10,000 M$/month of GDP; GDP 0.12 T$/yr; nothing for the US.
        var series = sim.TakeSeries()!;
        int Key(string e, string m) => catalog.Keys.ToList().IndexOf(new SeriesKey(e, m));
        Assert.Equal(100 * sigma / 10000, series[Key("CN", "ai_budget_share_of_gdp"), 11, 0], 12);
        Assert.Equal(0.12, series[Key("CN", "gdp"), 11, 0], 12);
        Assert.Equal(100 * sigma, series[Key("CN", "budget"), 11, 0], 9);
        Assert.True(double.IsNaN(series[Key("US", "ai_budget_share_of_gdp"), 11, 0]));
    }

    [Fact]
    public void M2_market_spending_at_its_ceiling_is_scaled_by_two_to_the_minus_quarter()
    {
        // CN in its first month: adoption 0.1 × 100 M$ per adopter = 10 M$/month of spending;
        // GDP 0.012 T$/yr = 1,000 M$/month and s_M = 0.01 put the ceiling at 10 M$/month.
        var world = TestWorlds.UsCn(months: 2, deterministic: true);
        var cn = TestWorlds.Country("CN", spend: 100) with { Gdp = new GdpSeries(0.012, TestWorlds.Start, 1.0), SpendCeilingShare = new Fixed(0.01) };
        var sim = new BlockSimulation(world with { Countries = [TestWorlds.Country("US"), cn] }, 0, 1);
        sim.Step();
        Assert.Equal(10 * Math.Pow(2, -0.25), sim.Countries[1].Spend[0], 12);
        Assert.Equal(0.1 * 100, sim.Countries[0].Spend[0], 12); // no GDP, no saturation
    }

    [Fact]
    public void C6_a_country_run_share_scale_is_one_draw_per_country_and_member_and_multiplies_every_run()
    {
        var world = TestWorlds.UsCn(months: 12, deterministic: false);
        var spread = world with { Countries = [world.Countries[0], world.Countries[1] with { FrontierRunShareScale = LogNormalDist.FromMedianP95(1, 1.65) }] };
        var sim = new BlockSimulation(spread, 0, 8);
        var cn = sim.Firms.Where(f => f.Spec.Country == "CN").ToList();
        Assert.Equal(cn[0].RunShareScale, cn[1].RunShareScale);                 // the same for the country's firms
        Assert.True(cn[0].RunShareScale.Distinct().Count() > 4);                  // differs across members
        Assert.All(sim.Firms.Where(f => f.Spec.Country == "US"), f => Assert.All(f.RunShareScale, x => Assert.Equal(1, x)));
        // A fixed scale of 2 doubles φ, so the run on the initial compute is log10(2) larger (same compute;
        // later runs differ by more, as larger models earn more revenue).
        var det = TestWorlds.UsCn(months: 12, deterministic: true);
        var doubled = det with { Countries = [det.Countries[0], det.Countries[1] with { FrontierRunShareScale = new Fixed(2) }] };
        var a = new BlockSimulation(det, 0, 1);
        var b = new BlockSimulation(doubled, 0, 1);
        int cnA = a.Firms.ToList().FindIndex(f => f.Spec.Country == "CN");
        Assert.Equal(a.Firms[cnA].LargestRunLogFlop[0] + Math.Log10(2), b.Firms[cnA].LargestRunLogFlop[0], 12);
        Assert.Equal(a.Firms[0].LargestRunLogFlop[0], b.Firms[0].LargestRunLogFlop[0]); // the US unscaled
    }
}
