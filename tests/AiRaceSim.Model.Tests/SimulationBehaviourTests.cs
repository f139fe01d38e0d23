using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>Behaviour of whole months: what the acceptance list names, checked on small worlds.</summary>
public class SimulationBehaviourTests
{
    private static readonly Month Start = TestWorlds.Start;

    [Fact]
    public void Psi_zero_gives_pure_exponential_algorithmic_progress()
    {
        // ψ = 0 and ρ = 0: a grows by log10(2)/τ_alg every month, so efficiency doubles every τ_alg months.
        var spec = TestWorlds.UsCn(months: 48) with
        {
            Parameters = new GlobalParameters()
                .With(ParameterCatalog.DiffusionRatePerMonth, new Fixed(0))
                .With(ParameterCatalog.ResearchReturns, new Fixed(0))
                .With(ParameterCatalog.AlgorithmicHalvingMonths, LogNormalDist.FromMedianP95(8, 14)),
        };
        var sim = new BlockSimulation(spec, 0, 5);
        var before = sim.Firms[2].Algorithmic.ToArray();
        sim.Step(24);
        for (int m = 0; m < 5; m++)
        {
            double tau = sim.Global.TauAlg[m];
            Assert.Equal(Math.Pow(2, 24 / tau), Math.Pow(10, sim.Firms[2].Algorithmic[m] - before[m]), 9);
        }
        // At the entry of the run, a sits on the trend: 2019-12 is 37 months before 2023-01.
        Assert.Equal(-37 * Math.Log10(2) / sim.Global.TauAlg[0], before[0], 12);
    }

    [Fact]
    public void Export_control_closes_the_frontier_channel_from_its_month_and_caps_smuggling()
    {
        // Tier 1 (A800/H800: 0.9 H100e per $) beats smuggling (1/(1 + π_S) = 0.667 per $), so nothing is
        // smuggled there; tier 3 offers no compliant chips and China makes none of its own here, so
        // smuggling is the only channel left and its cap binds.
        var control = Month.Of(2021, 6);
        var ban = Month.Of(2022, 3);
        var spec = TestWorlds.UsCn(months: 36) with
        {
            Countries =
            [
                TestWorlds.Country("US"),
                TestWorlds.Country("CN") with { DomesticChips = new DomesticChipSpec { OutputPerMonth = new Fixed(0), GrowthPerMonth = new Fixed(0) } },
            ],
            Events =
            [
                new ScheduledEvent { Date = control, Country = new ExportControl("US", "CN", 1) },
                new ScheduledEvent { Date = ban, Country = new ExportControl("US", "CN", 3) },
            ],
        };
        var sim = new BlockSimulation(spec, 0, 3);
        var cn = sim.Firms[2];
        int capped = 0;
        while (!sim.Done)
        {
            var t = sim.Next;
            sim.Step();
            for (int m = 0; m < 3; m++)
            {
                double frontier = cn.AddedByChannel[(int)Channel.Frontier][m];
                double smuggled = cn.AddedByChannel[(int)Channel.Smuggled][m];
                if (t < control)
                {
                    Assert.True(frontier > 0, $"{t}: frontier channel should be open");
                    Assert.Equal(0, smuggled);
                }
                else if (t < ban)
                {
                    Assert.Equal(0, frontier);
                    Assert.True(cn.AddedByChannel[(int)Channel.Compliant][m] > 0);
                    Assert.Equal(0, smuggled);
                }
                else
                {
                    Assert.Equal(0, frontier);
                    Assert.Equal(0, cn.AddedByChannel[(int)Channel.Compliant][m]);
                    // Smuggled: exactly λ0·Ic of spend (λ0 = 0.1, no enforcement), each $ buying q/(1 + π_S) H100e.
                    double q = Equations.Compute.PricePerformance(22, 30, t);
                    double cap = 0.1 * cn.ComputeSpend[m] * q / 1.5;
                    Assert.True(cap > 0);
                    Assert.Equal(cap, smuggled, cap * 1e-12);
                    capped++;
                }
                // US firms are never controlled.
                Assert.True(sim.Firms[0].AddedByChannel[(int)Channel.Frontier][m] > 0);
            }
        }
        Assert.Equal((spec.End - ban + 1) * 3, capped);
    }

    [Fact]
    public void An_api_block_changes_the_teacher_only_for_blocked_firms_and_only_from_its_month()
    {
        // No market spending, so nothing but the teacher can carry the block's effect.
        static CountrySpec Quiet(string id) => TestWorlds.Country(id, spend: 0, access: 0.6);
        var block = Month.Of(2022, 7);
        var open = TestWorlds.UsCn(months: 48) with
        {
            Countries = [Quiet("US"), Quiet("CN"), Quiet("UK")],
            Firms =
            [
                TestWorlds.Firm("us-frontier", "US", 400, abroad: true) with { Distillation = new Fixed(0) },
                TestWorlds.Firm("us-open", "US", 100, open: true),
                TestWorlds.Firm("cn-lab", "CN", 60) with { Distillation = new Fixed(0.5) },
                TestWorlds.Firm("uk-lab", "UK", 60) with { Distillation = new Fixed(0.5) },
            ],
        };
        var blocked = open with { Events = [new ScheduledEvent { Date = block, Country = new ApiBlock("us-frontier", "CN", new Fixed(0.1)) }] };
        var a = new BlockSimulation(open, 0, 4);
        var b = new BlockSimulation(blocked, 0, 4);
        bool differed = false;
        while (!a.Done)
        {
            var t = a.Next;
            a.Step(); b.Step();
            for (int m = 0; m < 4; m++)
            {
                Assert.Equal(a.Firms[3].Teacher[m], b.Firms[3].Teacher[m]); // UK: never blocked
                Assert.Equal(a.Firms[0].Capability[m], b.Firms[0].Capability[m]);
                if (t < block) Assert.Equal(a.Firms[2].Teacher[m], b.Firms[2].Teacher[m]);
                else
                {
                    Assert.True(b.Firms[2].Teacher[m] <= a.Firms[2].Teacher[m]);
                    differed |= b.Firms[2].Teacher[m] < a.Firms[2].Teacher[m];
                }
            }
        }
        Assert.True(differed, "the block should lower the Chinese lab's teacher");
    }

    [Fact]
    public void Deployed_capability_never_falls_even_with_large_noise_and_licensing()
    {
        var spec = TestWorlds.WithPolicy() with { Parameters = new GlobalParameters()
            .With(ParameterCatalog.CapabilityNoiseSd, new Fixed(0.5)) };
        var sim = new BlockSimulation(spec, 0, 10);
        var last = sim.Firms.Select(f => f.Capability.ToArray()).ToArray();
        while (!sim.Done)
        {
            sim.Step();
            foreach (var f in sim.Firms)
                for (int m = 0; m < 10; m++)
                {
                    Assert.True(double.IsNaN(last[f.Index][m]) || f.Capability[m] >= last[f.Index][m]); // NaN: not entered yet
                    last[f.Index][m] = f.Capability[m];
                }
        }
    }

    [Fact]
    public void Under_licensing_new_models_are_deployed_only_in_approval_rounds()
    {
        // Hazard 0 and at most 3 months: rounds fall exactly every third month after licensing starts.
        var from = Month.Of(2021, 1);
        var spec = TestWorlds.UsCn(months: 30, deterministic: true) with
        {
            Events = [new ScheduledEvent { Date = from, Country = new Licensing("CN", true, 0, 3) }],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        var cn = sim.Firms[2];
        double previous = cn.Capability[0];
        int rounds = 0, deployedInRounds = 0;
        while (!sim.Done)
        {
            var t = sim.Next;
            sim.Step();
            bool round = t >= from && (t - from + 1) % 3 == 0;
            if (t >= from && !round) Assert.Equal(previous, cn.Capability[0]);
            if (round)
            {
                rounds++;
                // Only what changes from licensing on counts: a round deploys what was held back.
                if (cn.Capability[0] > previous) deployedInRounds++;
            }
            previous = cn.Capability[0];
        }
        // 2021-01..2022-06: rounds at 2021-03, -06, -09, -12, 2022-03, -06. Without noise the lab's
        // candidate rises every month, so every round has a better model to deploy.
        Assert.Equal(6, rounds);
        Assert.Equal(rounds, deployedInRounds);
    }

    [Fact]
    public void A_firm_entering_at_a_past_frontier_starts_with_that_frontier_and_only_from_its_entry()
    {
        var entry = Month.Of(2023, 3);
        var spec = TestWorlds.UsCn(months: 48) with
        {
            Firms = [.. TestWorlds.UsCn().Firms, TestWorlds.Firm("entrant", "CN", 15, h0: 0, z0: 0) with
            {
                Entry = entry, EntryCapability = new FrontierAt(Month.Of(2020, 9)),
            }],
        };
        var sim = new BlockSimulation(spec, 0, 3);
        var entrant = sim.Firms[4];
        while (sim.Next < entry)
        {
            sim.Step();
            Assert.False(entrant.Active);
            Assert.True(double.IsNaN(sim.World.FirmGap[4][0]));
        }
        sim.Step();
        Assert.True(entrant.Active);
        int at = Month.Of(2020, 9) - Start, aYearLater = Month.Of(2021, 9) - Start;
        for (int m = 0; m < 3; m++)
        {
            // Its own base is exactly the 2020-09 world frontier (no run of its own has finished yet),
            // not that of any other month: the frontier moved on within a year, so a shifted date shows.
            Assert.Equal(sim.World.WorldFrontier[at, m], entrant.Base[m]);
            Assert.True(sim.World.WorldFrontier[aYearLater, m] > sim.World.WorldFrontier[at, m]);
            Assert.True(sim.World.FirmGap[4][m] > 12, "a 30-month-old level is more than a year behind");
        }
    }

    [Fact]
    public void Funding_follows_its_schedule_level_at_the_reference_and_yearly_growth()
    {
        var spec = TestWorlds.UsCn(months: 25, deterministic: true);
        var sim = new BlockSimulation(spec, 0, 1);
        sim.Step();
        Assert.Equal(300, sim.Firms[0].Funding[0], 9); // level at the reference month 2020-01
        sim.Step(12);
        Assert.Equal(300 * 1.5, sim.Firms[0].Funding[0], 9);
    }

    [Fact]
    public void A_threshold_rule_fires_once_its_condition_has_held_for_the_stated_months_and_not_before()
    {
        // The gap is always below 1000 months once measured (from month 0), so the condition holds
        // at month indices 1, 2, 3 (reading months 0, 1, 2) and the rule fires at index 3.
        var spec = TestWorlds.UsCn(months: 12, deterministic: true) with
        {
            Rules =
            [
                new ThresholdRule
                {
                    Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
                    Threshold = new ThresholdPath(1000), ForMonths = 3, Once = true, Then = new ExportControl("US", "CN", 1, Relative: true),
                },
            ],
        };
        var sim = new BlockSimulation(spec, 0, 1);
        for (int ti = 0; ti < 12; ti++)
        {
            sim.Step();
            Assert.Equal(ti >= 3 ? 1 : 0, sim.Countries[1].Tier[0]);
        }
    }

    [Fact]
    public void Rule_state_counts_consecutive_months_respects_once_cooldown_and_probability()
    {
        var rule = new ThresholdRule
        {
            Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
            Threshold = new ThresholdPath(6), ForMonths = 2, CooldownMonths = 4, ProbabilityPerMonth = 0.5,
            Then = new ExportControl("US", "CN", 1, Relative: true),
        };
        var s = new RuleState(1);
        Assert.False(s.Evaluate(rule, 0, true, 1, 0.1));   // streak 1
        Assert.False(s.Evaluate(rule, 0, false, 2, 0.1));  // broken
        Assert.False(s.Evaluate(rule, 0, true, 3, 0.1));   // streak 1
        Assert.False(s.Evaluate(rule, 0, true, 4, 0.7));   // streak 2, but the chance says no
        Assert.True(s.Evaluate(rule, 0, true, 5, 0.1));    // fires; streak restarts
        Assert.False(s.Evaluate(rule, 0, true, 6, 0.1));
        Assert.False(s.Evaluate(rule, 0, true, 7, 0.1));   // streak 2 but cooldown: 7 − 5 < 4
        Assert.True(s.Evaluate(rule, 0, true, 9, 0.1));
        Assert.True(rule.Holds(5.9, Start));
        Assert.False(rule.Holds(double.NaN, Start));
        var path = new ThresholdPath(12, Month.Of(2020, 1), Month.Of(2030, 1), 0);
        Assert.Equal(6, path.At(Month.Of(2025, 1)), 12);
        Assert.Equal(0, path.At(Month.Of(2031, 1)));
    }

    [Fact]
    public void With_perfect_information_the_perceived_gap_is_last_months_measured_gap()
    {
        var spec = TestWorlds.UsCn(months: 24) with
        {
            Countries = [TestWorlds.Country("US"), TestWorlds.Country("CN") with { Perception = new PerceptionSpec { Of = "CN", Behind = "US" } }],
        };
        var sim = new BlockSimulation(spec, 0, 3);
        sim.Step();
        Assert.True(double.IsNaN(sim.Countries[1].Perceived[0]));
        for (int i = 0; i < 20; i++)
        {
            var measured = sim.World.Gaps.Capability[0].ToArray();
            sim.Step();
            for (int m = 0; m < 3; m++) Assert.Equal(measured[m], sim.Countries[1].Perceived[m]);
        }
    }

    [Fact]
    public void A_firm_that_leaves_stops_its_flows_and_compute_but_keeps_its_place_in_the_frontier_history()
    {
        var exit = Month.Of(2021, 1);
        var spec = TestWorlds.UsCn(months: 30) with
        {
            Firms = [.. TestWorlds.UsCn().Firms, TestWorlds.Firm("late", "CN", 10) with { Entry = Month.Of(2021, 6) }],
            Events =
            [
                new ScheduledEvent { Date = exit, Firm = new Exit("cn-b") },
                new ScheduledEvent { Date = Month.Of(2021, 6), Firm = new Exit("late") }, // leaves in its entry month
            ],
        };
        var sim = new BlockSimulation(spec, 0, 2);
        var cnB = sim.Firms[3];
        double[] capabilityAtExit = [];
        while (!sim.Done)
        {
            var t = sim.Next;
            sim.Step();
            if (t == exit - 1) capabilityAtExit = cnB.Capability.ToArray();
            if (t >= exit)
            {
                Assert.False(cnB.Active);
                Assert.All(new[] { cnB.Funding, cnB.Budget, cnB.Patents, cnB.Installed }, a => Assert.All(a, v => Assert.Equal(0, v)));
                Assert.Equal(capabilityAtExit, cnB.Capability);
            }
            for (int m = 0; m < 2; m++)
            {
                Assert.True(double.IsFinite(sim.World.WorldFrontier[t - Start, m]), $"{t}: world frontier");
                Assert.True(double.IsFinite(sim.World.Gaps.Capability[0][m]), $"{t}: CN-US gap");
            }
        }
        Assert.False(sim.Firms[4].HasEntered);
    }
}
