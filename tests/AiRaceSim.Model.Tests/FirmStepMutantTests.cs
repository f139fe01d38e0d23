using static AiRaceSim.Model.Tests.Near;
using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// One firm's month (FirmStep) on small worlds of one lab per country, with fixed values that tell a formula
/// from its mirror image: the chip channels under vouchers, capability noise, breakthroughs, the open floor
/// of a lab that does not use open models, the licensing gate on the trained level, patents. Every expected
/// value is worked out from the equation in the comment, except a random run's patent counts, held member by
/// member to the scalar quantile of each member's own draw.
/// </summary>
public class FirmStepMutantTests
{
    private static readonly Month Start = TestWorlds.Start;


    /// <summary>
    /// US and CN with one lab each (300 M$/month, no growth, no revenue yet, no support): ι_C = 0.6, so 180 M$ go to
    /// compute in the first month. q0 = 22, τ_hw = 30; premium 0.4, ξ = 0.8, domestic price 0.8; CN: λ0 = 0.23,
    /// vouchers 0.4, 400 domestic chips of efficiency 0.3. Tier 0 is a compliant chip better than the H100
    /// (1.5 at price 1), tier 1 one of 0.3 at 1.3.
    /// </summary>
    private static WorldSpec Solo(int months = 3, bool deterministic = false) => new()
    {
        Start = Start,
        End = Start + (months - 1),
        Seed = 11,
        Deterministic = deterministic,
        Parameters = new GlobalParameters()
            .With(ParameterCatalog.PricePerformanceAt2023, new Fixed(22))
            .With(ParameterCatalog.HardwareDoublingMonths, new Fixed(30))
            .With(ParameterCatalog.SmugglingPremium, new Fixed(0.4))
            .With(ParameterCatalog.SmugglingEnforcementElasticity, new Fixed(0.8))
            .With(ParameterCatalog.DomesticChipPrice, new Fixed(0.8)),
        Countries =
        [
            TestWorlds.Country("US"),
            TestWorlds.Country("CN") with
            {
                SmugglingBase = new Fixed(0.23),
                Vouchers = new Fixed(0.4),
                DomesticChips = new DomesticChipSpec { OutputPerMonth = new Fixed(400), EfficiencyStart = new Fixed(0.3) },
            },
        ],
        Firms = [TestWorlds.Firm("us-a", "US", 300, growth: 1.0), TestWorlds.Firm("cn-a", "CN", 300, growth: 1.0)],
        ExportTiers = [new("none", new Fixed(1.5), new Fixed(1)), new("compliant", new Fixed(0.3), new Fixed(1.3))],
        GapPairs = [new GapPair("CN", "US")],
    };

    [Fact]
    public void C3_vouchers_lower_every_channel_price_and_spend_fills_smuggled_then_domestic_then_compliant()
    {
        var spec = Solo() with { Events = [new() { Date = Start, Country = new ExportControl("US", "CN", 1) }] };
        var sim = new BlockSimulation(spec, 0, 2);
        sim.Step();
        var f = sim.Firms[1];
        double q = 22 * Math.Pow(2, -36.0 / 30); // C1 at 2020-01, 36 months before 2023-01
        double discount = 1 - 0.4;
        // Value per dollar: smuggled 1/(1.4·0.6) = 1.19, domestic 0.3/(0.8·0.6) = 0.625, compliant 0.3/(1.3·0.6) = 0.385.
        double smuggledSpend = 0.23 * 180;                         // λ0·e^(−ξ·0)·I_C
        double domesticSpend = 1 * 400 * 0.8 * discount / q;       // share · Q_D · price / q
        for (int m = 0; m < 2; m++)
        {
            Close(180, f.ComputeSpend[m], "compute spend");
            Close(0, f.AddedByChannel[(int)Channel.Frontier][m], "frontier (closed)");
            Close(smuggledSpend * q / (1.4 * discount), f.AddedByChannel[(int)Channel.Smuggled][m], "smuggled");
            Close(400 * 0.3, f.AddedByChannel[(int)Channel.Domestic][m], "domestic: all of the lab's chips");
            Close((180 - smuggledSpend - domesticSpend) * q * 0.3 / (1.3 * discount), f.AddedByChannel[(int)Channel.Compliant][m], "compliant");
        }
    }

    [Fact]
    public void C3_without_control_the_compliant_channel_stays_closed_even_when_tier_0_is_worth_more_per_dollar()
    {
        var sim = new BlockSimulation(Solo(), 0, 2);
        sim.Step();
        var f = sim.Firms[0];
        double q = 22 * Math.Pow(2, -36.0 / 30);
        for (int m = 0; m < 2; m++)
        {
            Close(180 * q, f.AddedByChannel[(int)Channel.Frontier][m], "frontier takes all: I_C·q·1/1");
            Assert.Equal(0, f.AddedByChannel[(int)Channel.Compliant][m]);
            Assert.Equal(0, f.AddedByChannel[(int)Channel.Smuggled][m]);
        }
    }

    [Fact]
    public void K4_capability_noise_is_sd_times_the_normal_quantile_of_the_members_draw()
    {
        // A lab that does not use open models has no floor: K_cand = T + ε. With and without noise, T is the same
        // in the first month, so the candidates differ by ε = σ_ε·Φ⁻¹(u) exactly.
        var world = Solo(deterministic: false);
        var labs = world with { Firms = world.Firms.Select(f => f with { UsesOpenModels = false }).ToList() };
        var quiet = new BlockSimulation(labs, 0, 4);
        var noisy = new BlockSimulation(labs with { Parameters = labs.Parameters.With(ParameterCatalog.CapabilityNoiseSd, new Fixed(0.07)) }, 0, 4);
        quiet.Step(); noisy.Step();
        int actor = ActorKey.Of("firm", "cn-a");
        int away = 0;
        for (int m = 0; m < 4; m++)
        {
            // Pins the random-stream layout (DrawSlot numbers, fixed by their comments): a deliberate change of slots must update this.
            double z = NormalQuantile.Standard(CounterRng.Uniform(11, m, actor, 0, DrawSlot.CapabilityNoise));
            if (Math.Abs(z) > 0.05 && Math.Abs(Math.Abs(z) - 1) > 0.05) away++;
            Assert.Equal(quiet.Firms[1].Trained[m], noisy.Firms[1].Trained[m]);
            Close(quiet.Firms[1].Trained[m], quiet.Firms[1].Candidate[m], "no noise: the candidate is T");
            Close(0.07 * z, noisy.Firms[1].Candidate[m] - quiet.Firms[1].Candidate[m], "ε", 1e-12);
        }
        Assert.True(away >= 2, "guard: draws away from the median and from ±1");
    }

    [Fact]
    public void K2_a_lab_that_does_not_use_open_models_ignores_a_better_open_floor()
    {
        // US: an open-weights lab with 1000× the compute; CN: a lab that does not use open models. Its candidate is
        // its own trained level although the open floor K_open − Δ_ft − Δ_γ·(1 − γ) is above it.
        var world = Solo(deterministic: true);
        var spec = world with
        {
            Firms =
            [
                TestWorlds.Firm("us-a", "US", 300, growth: 1.0, open: true, h0: 2e7),
                TestWorlds.Firm("cn-a", "CN", 300, growth: 1.0, h0: 2e4) with { UsesOpenModels = false },
            ],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        double open = sim.World.View.OpenBest[0];
        sim.Step();
        var f = sim.Firms[1];
        double floor = open - 0.3 - 1.0 * (1 - f.Absorption[0]);
        Assert.True(floor > f.Trained[0] + 1, $"guard: the open floor {floor} is well above T {f.Trained[0]}");
        Assert.Equal(f.Trained[0], f.Candidate[0]);
        Assert.Equal(f.Trained[0], f.Capability[0]);
    }

    private static WorldSpec Breakthroughs(double rate, bool deterministic) => Solo(deterministic: deterministic) with
    {
        Parameters = Solo().Parameters
            .With(ParameterCatalog.BreakthroughRatePerMonth, new Fixed(rate))
            .With(ParameterCatalog.BreakthroughSize, new UniformDist(0.1, 0.3)),
    };

    [Fact]
    public void A2_breakthroughs_add_the_sum_of_one_size_draw_per_arrival()
    {
        // a(t+1) is linear in J, so the first month's algorithms differ from a run without breakthroughs by J:
        // J = Σ_{i<n} (0.1 + 0.2·u_i), n the Poisson(1) count of u_arrival, u_i at slot BreakthroughSize + 16·i.
        const int n = 12;
        var none = new BlockSimulation(Breakthroughs(0, false), 0, n);
        var some = new BlockSimulation(Breakthroughs(1, false), 0, n);
        none.Step(); some.Step();
        int actor = ActorKey.Of("firm", "cn-a");
        int most = 0;
        for (int m = 0; m < n; m++)
        {
            // Pins the random-stream layout (DrawSlot numbers, fixed by their comments): a deliberate change of slots must update this.
            double u = CounterRng.Uniform(11, m, actor, 0, DrawSlot.BreakthroughArrival);
            // Poisson(1) by hand: the smallest k with P(N ≤ k) ≥ u.
            int count = 0;
            double p = Math.Exp(-1), cdf = p;
            while (u > cdf) { count++; p /= count; cdf += p; }
            double j = 0;
            for (int i = 0; i < count; i++) j += 0.1 + 0.2 * CounterRng.Uniform(11, m, actor, 0, DrawSlot.BreakthroughSize + 16 * i);
            most = Math.Max(most, count);
            Close(j, some.Firms[1].Algorithmic[m] - none.Firms[1].Algorithmic[m], $"J of member {m} ({count} arrivals)", 1e-12);
        }
        Assert.True(most >= 2, "guard: some member has two breakthroughs in the month");
    }

    [Fact]
    public void A2_a_deterministic_run_has_no_breakthroughs_even_at_rate_one()
    {
        // At the median u = 0.5 a Poisson(1) count would be 1 (P(0) = 0.37): the deterministic run must not draw it.
        var none = new BlockSimulation(Breakthroughs(0, true), 0, 1);
        var some = new BlockSimulation(Breakthroughs(1, true), 0, 1);
        none.Step(); some.Step();
        Assert.Equal(none.Firms[1].Algorithmic[0], some.Firms[1].Algorithmic[0]);
    }

    [Fact]
    public void K5_an_approval_round_deploys_the_best_trained_level_since_the_last_round()
    {
        // Licensing from the start, no hazard, a round every 3 months (months 2, 5, 8, 11); runs end every 4 months
        // (3, 7, 11). At a round T = max(T before, trained of every month since), and a month's trained ≥ own base.
        var spec = TestWorlds.UsCn(14, deterministic: true) with
        {
            Events = [new() { Date = Start, Country = new Licensing("CN", true, 0, 3) }],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        var f = sim.Firms[spec.FirmIndex("cn-a")];
        int cn = spec.CountryIndex("CN");
        double before = f.Trained[0];
        bool rose = false;
        for (int ti = 0; ti < 14; ti++)
        {
            double last = f.Trained[0];
            sim.Step();
            bool round = sim.Countries[cn].ApprovalRound[0];
            Assert.Equal(ti % 3 == 2, round);
            if (!round) { Assert.Equal(last, f.Trained[0]); continue; }
            Assert.True(f.Trained[0] >= f.Base[0], $"month {ti}: T {f.Trained[0]} below the own base {f.Base[0]}");
            rose |= f.Base[0] > before + 0.01;
        }
        Assert.True(rose, "guard: a run raised the own base above T at the start of licensing");
    }

    [Fact]
    public void K5_an_approval_round_needs_a_draw_strictly_below_the_hazard()
    {
        // Deterministic: u = 0.5, hazard 0.5 is not above it, so the only round is the forced one after 12 months.
        var spec = TestWorlds.UsCn(14, deterministic: true) with
        {
            Events = [new() { Date = Start, Country = new Licensing("CN", true, 0.5, 12) }],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        int cn = spec.CountryIndex("CN");
        for (int ti = 0; ti < 14; ti++)
        {
            sim.Step();
            Assert.Equal(ti == 11, sim.Countries[cn].ApprovalRound[0]);
        }
    }

    [Fact]
    public void P1_cumulative_patents_add_each_months_count_and_weigh_it_by_the_home_quality()
    {
        var world = TestWorlds.UsCn(6, deterministic: true);
        var spec = world with { Countries = [world.Countries[0], world.Countries[1] with { PatentQuality = new Fixed(1.7) }] };
        var sim = new BlockSimulation(spec, 0, 1);
        var f = sim.Firms[spec.FirmIndex("cn-a")];
        double sum = 0;
        for (int ti = 0; ti < 6; ti++)
        {
            sim.Step();
            Assert.True(f.Patents[0] > 0.1, "guard: patents every month");
            sum += f.Patents[0];
            Close(sum, f.PatentsCumulative[0], "cumulative");
            Close(1.7 * sum, f.PatentsQualityCumulative[0], "quality-weighted");
        }
    }

    [Fact]
    public void P1_a_random_runs_counts_are_the_negative_binomial_quantiles_of_each_members_own_draw()
    {
        // 37 members: the normal quantiles go four at a time, with a remainder; both sides of the exact walk's limit occur.
        var world = TestWorlds.UsCn(8);
        var spec = world with { Countries = [world.Countries[0] with { PatentPropensity = new Fixed(20) }, world.Countries[1]] };
        var sim = new BlockSimulation(spec, 0, 37);
        int below = 0, above = 0;
        for (int ti = 0; ti < 8; ti++)
        {
            sim.Step();
            foreach (var f in sim.Firms)
            {
                var home = sim.Countries[f.CountryIndex];
                for (int m = 0; m < f.Members; m++)
                {
                    double mu = Patents.Expected(home.PatentPropensity[m], f.ResearchSpend[m], sim.Global.PatentBeta[m], home.PatentSubsidy[m]);
                    double u = sim.Draws.Uniform(m, f.Actor, ti, DrawSlot.Patents);
                    Assert.Equal(CountQuantiles.NegativeBinomialFast(mu, sim.Global.PatentDispersion[m], u), f.Patents[m]);
                    if (mu > CountQuantiles.FastExactLimit) above++; else if (mu > 0) below++;
                }
            }
        }
        Assert.True(below > 0 && above > 0, $"guard: means on both sides of the limit ({below} below, {above} above)");
    }

    [Fact]
    public void P1_a_deterministic_runs_count_is_the_expected_count_itself()
    {
        var sim = new BlockSimulation(TestWorlds.UsCn(6, deterministic: true), 0, 3);
        for (int ti = 0; ti < 6; ti++)
        {
            sim.Step();
            foreach (var f in sim.Firms)
            {
                var home = sim.Countries[f.CountryIndex];
                for (int m = 0; m < f.Members; m++)
                    Assert.Equal(Patents.Expected(home.PatentPropensity[m], f.ResearchSpend[m], sim.Global.PatentBeta[m], home.PatentSubsidy[m]), f.Patents[m]);
            }
        }
        Assert.Contains(sim.Firms, f => f.Patents[0] > 0 && f.Patents[0] != Math.Round(f.Patents[0])); // guard: a count that is no whole number
    }
}
