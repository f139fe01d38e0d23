using static AiRaceSim.Model.Tests.Near;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// A government's month (GovernmentStep) and the gap board: the lookup of a measured pair, perception with
/// bias and noise (G3), several rules of one government each on its own streak, a rule's action reaching its
/// target country only, the threshold read at t−1, spending per adopter growing (M2). Expected values are
/// worked out from the equation in each comment.
/// </summary>
public class GovernmentStepMutantTests
{
    private static readonly Month Start = TestWorlds.Start;


    [Fact]
    public void Gap_board_finds_a_pair_by_both_ends_and_refuses_an_unmeasured_one()
    {
        var board = new GapBoard([new GapPair("A", "B"), new GapPair("A", "C"), new GapPair("C", "B")], 2);
        Assert.Equal(0, board.IndexOf("A", "B"));
        Assert.Equal(1, board.IndexOf("A", "C"));   // the follower alone would give 0
        Assert.Equal(2, board.IndexOf("C", "B"));   // the leader alone would give 0
        var e = Assert.Throws<ArgumentException>(() => board.IndexOf("B", "A"));
        Assert.Equal("gap B behind A is not measured", e.Message);
        Assert.Throws<ArgumentException>(() => new GapBoard([], 1).IndexOf("A", "B"));
    }

    [Fact]
    public void G3_perceived_gap_adds_bias_and_sd_times_the_normal_quantile_then_moves_by_kappa()
    {
        // Bias 0.3, σ 0.7, κ 0.4. Month 1 sees the gap of month 0 first: Ĝ = S0 + 0.3 + 0.7·z1;
        // month 2: Ĝ = Ĝ1 + 0.4·(S1 + 0.3 + 0.7·z2 − Ĝ1), z = Φ⁻¹(u) of the country's draw of that month.
        var w = TestWorlds.UsCn(4, seed: 9);
        var spec = w with
        {
            Countries =
            [
                w.Countries[0],
                w.Countries[1] with
                {
                    Perception = new PerceptionSpec { Of = "CN", Behind = "US", Kappa = new Fixed(0.4), Bias = new Fixed(0.3), NoiseSd = new Fixed(0.7) },
                },
            ],
        };
        const int n = 3;
        var sim = new BlockSimulation(spec, 0, n);
        var cn = sim.Countries[1];
        int actor = ActorKey.Of("country", "CN");
        // Pins the random-stream layout (DrawSlot numbers, fixed by their comments): a deliberate change of slots must update this.
        double Z(int m, int ti) => NormalQuantile.Standard(CounterRng.Uniform(9, m, actor, ti, DrawSlot.PerceptionNoise));
        sim.Step();
        Assert.All(cn.Perceived, x => Assert.True(double.IsNaN(x))); // nothing measured before the first month
        var s0 = sim.World.Gaps.Capability[0].ToArray();
        sim.Step();
        var s1 = sim.World.Gaps.Capability[0].ToArray();
        var p1 = new double[n];
        Assert.Contains(Enumerable.Range(0, n), m => Math.Abs(Z(m, 1)) > 0.05 && Math.Abs(Math.Abs(Z(m, 1)) - 1) > 0.05); // guard
        for (int m = 0; m < n; m++)
        {
            Assert.True(double.IsFinite(s0[m]), "guard: the gap is measured");
            p1[m] = s0[m] + 0.3 + 0.7 * Z(m, 1);
            Close(p1[m], cn.Perceived[m], "first sighting");
        }
        sim.Step();
        for (int m = 0; m < n; m++)
            Close(p1[m] + 0.4 * (s1[m] + 0.3 + 0.7 * Z(m, 2) - p1[m]), cn.Perceived[m], "update");
    }

    private static ThresholdRule Always(int months, CountryAction then) => new()
    {
        Government = "CN", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
        Threshold = new ThresholdPath(1e9), ForMonths = months, Then = then,
    };

    [Fact]
    public void Two_rules_of_one_government_keep_their_own_streaks_and_act_on_their_target_only()
    {
        // Both hold from month 1 (nothing is measured in month 0): the 2-month rule fires in month 2, the 3-month one in 3.
        var w = TestWorlds.UsCn(6, seed: 3);
        var spec = w with
        {
            Countries = [TestWorlds.Country("US") with { Support = new Fixed(7) }, TestWorlds.Country("CN") with { Support = new Fixed(20) }],
            Rules = [Always(2, new Support("CN", new Fixed(33))), Always(3, new Vouchers("CN", new Fixed(0.27)))],
        };
        var sim = new BlockSimulation(spec, 0, 2);
        var (us, cn) = (sim.Countries[0], sim.Countries[1]);
        for (int ti = 0; ti < 6; ti++)
        {
            sim.Step();
            Assert.All(sim.World.Gaps.Capability[0], x => Assert.True(double.IsFinite(x), "guard: the gap is measured"));
            for (int m = 0; m < 2; m++)
            {
                Assert.Equal(ti >= 2 ? 33 : 20, cn.Support[m]);
                Assert.Equal(ti >= 3 ? 0.27 : 0, cn.Vouchers[m]);
                Assert.Equal(7, us.Support[m]);
                Assert.Equal(0, us.Vouchers[m]);
            }
        }
    }

    [Fact]
    public void A_rule_compares_last_months_gap_with_last_months_threshold()
    {
        // Threshold −1e9 until 2020-03, +1e9 from 2020-04: read at t − 1, it first holds in 2020-05 (month 4).
        var w = TestWorlds.UsCn(7, seed: 3);
        var rule = Always(1, new Support("CN", new Fixed(33))) with { Threshold = new ThresholdPath(-1e9, Start + 2, Start + 3, 1e9) };
        var spec = w with { Countries = [TestWorlds.Country("US"), TestWorlds.Country("CN") with { Support = new Fixed(20) }], Rules = [rule] };
        var sim = new BlockSimulation(spec, 0, 2);
        for (int ti = 0; ti < 7; ti++)
        {
            sim.Step();
            Assert.All(sim.Countries[1].Support, x => Assert.Equal(ti >= 4 ? 33 : 20, x));
        }
    }

    [Fact]
    public void M2_spending_per_adopter_grows_by_the_yearly_factor_month_by_month()
    {
        // w(t) = 100·1.8^(t/12), first advanced in month 1.
        var w = TestWorlds.UsCn(5);
        var cn = w.Countries[1];
        var spec = w with { Countries = [w.Countries[0], cn with { Market = cn.Market with { SpendGrowthPerYear = new Fixed(1.8) } }] };
        var sim = new BlockSimulation(spec, 0, 2);
        for (int ti = 0; ti < 5; ti++)
        {
            sim.Step();
            Assert.All(sim.Countries[1].SpendPerAdopter, x => Close(100 * Math.Pow(1.8, ti / 12.0), x, $"month {ti}"));
            Assert.All(sim.Countries[0].SpendPerAdopter, x => Assert.Equal(100, x));
        }
    }
}
