using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// The kernel's other refusals (a branch each that no test took: the line ran, the throw did not),
/// each next to the boundary it accepts; and three small paths: actions in a deterministic run,
/// a lab that does not use open models, schedules with several steps.
/// </summary>
public class RefusalTests
{
    private static readonly Month Start = TestWorlds.Start;
    private static readonly WorldSpec W = TestWorlds.UsCn(months: 24);

    private static string Refusal(WorldSpec spec) => Assert.Throws<ArgumentException>(spec.Validate).Message;

    [Fact]
    public void A_world_ends_no_earlier_than_it_starts()
    {
        Assert.Equal("end 2019-12 is before start 2020-01", Refusal(W with { End = Start - 1 }));
        var one = W with { End = Start };
        one.Validate();
        Assert.Equal(1, one.Months);
    }

    [Fact]
    public void Ids_are_unique_within_countries_and_within_firms()
    {
        Assert.Equal("country 'CN' is defined twice", Refusal(W with { Countries = [.. W.Countries, TestWorlds.Country("CN")] }));
        Assert.Equal("firm 'cn-a' is defined twice", Refusal(W with { Firms = [.. W.Firms, TestWorlds.Firm("cn-a", "US", 5)] }));
        // A firm may share its id with a country.
        (W with { Firms = [.. W.Firms, TestWorlds.Firm("CN", "CN", 5)] }).Validate();
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(25.0, false)]
    [InlineData(1.0, true)]
    [InlineData(24.0, true)]
    public void Runs_last_one_to_twenty_four_months(double months, bool valid)
    {
        var spec = W with { Firms = [.. W.Firms, TestWorlds.Firm("runner", "US", 5) with { RunMonths = new Fixed(months) }] };
        if (valid) spec.Validate();
        else Assert.Equal("firm 'runner': run_months must be in 1..24", Refusal(spec));
    }

    [Fact]
    public void At_least_tier_zero_is_needed() =>
        Assert.Equal("at least tier 0 (no control) is needed", Refusal(W with { ExportTiers = [] }));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(24, false)]
    [InlineData(0, true)]   // the first month
    [InlineData(23, true)]  // the last
    public void Events_fall_within_the_run(int month, bool valid)
    {
        var spec = W with { Events = [new ScheduledEvent { Date = Start + month, Country = new Support("CN", new Fixed(5)) }] };
        if (valid) spec.Validate();
        else Assert.Equal($"event at {Start + month} is outside 2020-01..2021-12", Refusal(spec));
    }

    [Fact]
    public void An_event_carries_exactly_one_action()
    {
        var both = new ScheduledEvent { Date = Start + 2, Country = new Support("CN", new Fixed(5)), Firm = new Exit("cn-b") };
        var none = new ScheduledEvent { Date = Start + 2 };
        Assert.Equal("event at 2020-03 must carry exactly one action", Refusal(W with { Events = [both] }));
        Assert.Equal("event at 2020-03 must carry exactly one action", Refusal(W with { Events = [none] }));
        (W with { Events = [none with { Firm = new Exit("cn-b") }] }).Validate();
    }

    [Theory]
    [InlineData(-0.1, 3, "licensing hazard must be in [0, 1]")]
    [InlineData(1.1, 3, "licensing hazard must be in [0, 1]")]
    [InlineData(0.3, 0, "licensing max months must be ≥ 1")]
    [InlineData(0.0, 1, null)]
    [InlineData(1.0, 1, null)]
    public void Licensing_needs_a_hazard_in_0_1_and_a_longest_wait(double hazard, int maxMonths, string? message)
    {
        var spec = W with { Events = [new ScheduledEvent { Date = Start + 2, Country = new Licensing("CN", true, hazard, maxMonths) }] };
        if (message is null) spec.Validate();
        else Assert.Equal(message, Refusal(spec));
    }

    private static ThresholdRule Rule => new()
    {
        Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
        Threshold = new ThresholdPath(6), Then = new Support("CN", new Fixed(5)),
    };

    public static TheoryData<ThresholdRule, string?> Rules => new()
    {
        { Rule with { ForMonths = 0 }, "for_months must be ≥ 1" },
        { Rule with { ProbabilityPerMonth = -0.01 }, "probability_per_month must be in [0, 1]" },
        { Rule with { ProbabilityPerMonth = 1.01 }, "probability_per_month must be in [0, 1]" },
        { Rule with { CooldownMonths = -1 }, "cooldown_months must be ≥ 0" },
        { Rule with { From = Start + 6, To = Start + 5 }, "rule window ends (2020-06) before it starts (2020-07)" },
        { Rule with { Metric = RuleMetric.PerceivedGap }, "rule on perceived gap: government 'US' has no perception" },
        { Rule with { ForMonths = 1, ProbabilityPerMonth = 0, CooldownMonths = 0, From = Start + 6, To = Start + 6 }, null },
        { Rule with { ProbabilityPerMonth = 1, From = Start + 6 }, null },
        { Rule with { To = Start + 6 }, null },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_needs_a_positive_streak_a_probability_a_cooldown_and_an_ordered_window(ThresholdRule rule, string? message)
    {
        var spec = W with { Rules = [rule] };
        if (message is null) spec.Validate();
        else Assert.Equal(message, Refusal(spec));
    }

    [Fact]
    public void A_block_holds_a_member_and_runs_to_its_end_month()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockSimulation(W, 0, 0));
        var sim = new BlockSimulation(W with { End = Start + 1 }, 0, 1);
        Assert.Equal(2, sim.Step(5)); // fewer at the end
        Assert.True(sim.Done);
        Assert.Equal("the run has reached its end month", Assert.Throws<InvalidOperationException>(sim.Step).Message);
    }

    [Fact]
    public void Parameters_refuse_what_the_kernel_cannot_use()
    {
        var p = new GlobalParameters();
        var copy = ParameterCatalog.Utilisation with { };
        Assert.Equal("'utilisation' is not a catalog parameter", Assert.Throws<ArgumentException>(() => p.With(copy, new Fixed(0.3))).Message);
        Assert.Equal("publication_lag_months is a whole number, the same in every member; got " + new Fixed(2.5),
            Assert.Throws<ArgumentException>(() => p.With(ParameterCatalog.PublicationLagMonths, new Fixed(2.5))).Message);
        Assert.Throws<ArgumentException>(() => p.With(ParameterCatalog.PublicationLagMonths, new UniformDist(1, 3)));
        Assert.Equal(5, p.With(ParameterCatalog.PublicationLagMonths, new Fixed(5)).PublicationLagMonths);
        var sim = new BlockSimulation(W, 0, 1);
        Assert.Equal("breakthrough_size is not drawn per member", Assert.Throws<ArgumentException>(() => sim.Global.Of(ParameterCatalog.BreakthroughSize)).Message);
        var flat = W.Firms[0] with { Funding = new FundingSchedule(new Fixed(10), Start, [(Start, new Fixed(0))]) };
        Assert.Equal("funding growth per year must be > 0, got 0",
            Assert.Throws<ArgumentException>(() => new BlockSimulation(W with { Firms = [flat] }, 0, 1)).Message);
    }

    [Fact]
    public void An_action_drawn_in_a_deterministic_run_takes_the_central_value()
    {
        // Vouchers ~ U(0.2, 0.5): 0.35 in every member of a deterministic run, spread in a random one.
        var ev = new ScheduledEvent { Date = Start + 1, Country = new Vouchers("CN", new UniformDist(0.2, 0.5)) };
        var det = new BlockSimulation(TestWorlds.UsCn(months: 3, deterministic: true) with { Events = [ev] }, 0, 4);
        var random = new BlockSimulation(TestWorlds.UsCn(months: 3) with { Events = [ev] }, 0, 4);
        det.Step(2); random.Step(2);
        Assert.All(det.Countries[1].Vouchers, v => Assert.Equal(0.35, v, 12));
        Assert.All(random.Countries[1].Vouchers, v => Assert.InRange(v, 0.2, 0.5));
        Assert.True(random.Countries[1].Vouchers.Distinct().Count() > 1);
    }

    [Fact]
    public void A_lab_without_compute_that_does_not_use_open_models_has_no_model()
    {
        // No funding, no compute, no revenue (no market at home): the open floor is its only way to a model.
        var w = TestWorlds.UsCn(months: 6, deterministic: true);
        WorldSpec With(bool uses) => w with
        {
            Countries = [TestWorlds.Country("US"), TestWorlds.Country("CN", spend: 0)],
            Firms = [w.Firms[0], w.Firms[1], TestWorlds.Firm("cn-lab", "CN", 0, h0: 0, z0: 0) with { ServesApi = false, UsesOpenModels = uses }],
        };
        var user = new BlockSimulation(With(true), 0, 1);
        var refuser = new BlockSimulation(With(false), 0, 1);
        user.Run(); refuser.Run();
        Assert.True(double.IsFinite(user.Firms[2].Capability[0]));
        Assert.Equal(double.NegativeInfinity, refuser.Firms[2].Capability[0]);
    }

    [Fact]
    public void Schedules_take_the_last_step_dated_at_or_before_a_month()
    {
        var s = new StepSchedule([(Start, 0.4), (Start + 12, 0.5), (Start + 24, 0.6)]);
        Assert.Equal([0.4, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6], new[] { -5, 0, 11, 12, 23, 24, 40 }.Select(k => s.At(Start + k)));
        var f = new FundingSchedule(new Fixed(10), Start, [(Start, new Fixed(2)), (Start + 12, new Fixed(1.5)), (Start + 24, new Fixed(1.1))]);
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], new[] { -5, 0, 11, 12, 23, 24, 40 }.Select(k => f.SegmentAt(Start + k)));
    }
}
