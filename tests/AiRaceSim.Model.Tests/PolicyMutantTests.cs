using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>Policy/ survivors of Stryker: validation of every action's ids, relative against absolute levels, stream keys, thresholds at equality.</summary>
public sealed class PolicyMutantTests
{
    private static readonly Month M = Month.Of(2021, 1);

    private static ThresholdRule Rule(string government = "US", string of = "CN", string behind = "US", CountryAction? then = null, string? name = null) => new()
    {
        Government = government, Metric = RuleMetric.CapabilityGap, Of = of, Behind = behind, Op = Comparison.Below,
        Threshold = new ThresholdPath(6), Then = then ?? new ExportControl("US", "CN", 1), Name = name,
    };

    public static TheoryData<string, string> BadIds() => new()
    {
        { "export control by XX", "unknown country 'XX'" },
        { "export control on XX", "unknown country 'XX'" },
        { "api block of a firm nobody has", "unknown firm 'nobody'" },
        { "api unblock of a firm nobody has", "unknown firm 'nobody'" },
        { "api block in market XX", "unknown country 'XX'" },
        { "licensing in XX", "unknown country 'XX'" },
        { "funding round of nobody", "unknown firm 'nobody'" },
        { "rule by XX", "unknown country 'XX'" },
        { "rule on XX behind US", "unknown country 'XX'" },
        { "rule on CN behind XX", "unknown country 'XX'" },
        { "rule whose action targets XX", "unknown country 'XX'" },
    };

    [Theory, MemberData(nameof(BadIds))]
    public void A_spec_naming_an_unknown_country_or_firm_is_refused(string what, string message)
    {
        ScheduledEvent Country(CountryAction a) => new() { Date = M, Country = a };
        var spec = TestWorlds.UsCn();
        spec = what switch
        {
            "export control by XX" => spec with { Events = [Country(new ExportControl("XX", "CN", 1))] },
            "export control on XX" => spec with { Events = [Country(new ExportControl("US", "XX", 1))] },
            "api block of a firm nobody has" => spec with { Events = [Country(new ApiBlock("nobody", "CN", new Fixed(0.2)))] },
            "api unblock of a firm nobody has" => spec with { Events = [Country(new ApiUnblock("nobody", "CN"))] },
            "api block in market XX" => spec with { Events = [Country(new ApiBlock("us-frontier", "XX", new Fixed(0.2)))] },
            "licensing in XX" => spec with { Events = [Country(new Licensing("XX", true, 0.3, 3))] },
            "funding round of nobody" => spec with { Events = [new ScheduledEvent { Date = M, Firm = new FundingScale("nobody", new Fixed(2)) }] },
            "rule by XX" => spec with { Rules = [Rule(government: "XX")] },
            "rule on XX behind US" => spec with { Rules = [Rule(of: "XX")] },
            "rule on CN behind XX" => spec with { Rules = [Rule(behind: "XX")] },
            "rule whose action targets XX" => spec with { Rules = [Rule(then: new ExportControl("US", "XX", 1))] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var e = Assert.ThrowsAny<ArgumentException>(spec.Validate);
        Assert.Contains(message, e.Message);
    }

    private static CountryState Cn(WorldSpec spec) => new(spec, 1, new MemberDraws(spec.Seed, 0, 1, false));

    [Fact]
    public void An_absolute_tier_or_level_replaces_the_current_one_and_a_relative_one_adds_to_it()
    {
        var spec = TestWorlds.UsCn();
        var draw = new ActionDraw(new MemberDraws(spec.Seed, 0, 1, false), 7, 12);
        var cn = Cn(spec);
        cn.Tier[0] = 2;
        new ExportControl("US", "CN", 1).Apply(cn, draw, 0);
        Assert.Equal(1, cn.Tier[0]);                       // absolute: tier 2 becomes tier 1
        new ExportControl("US", "CN", 1, Relative: true).Apply(cn, draw, 0);
        Assert.Equal(2, cn.Tier[0]);                       // relative: one stricter
        cn.Enforcement[0] = 0.5;
        new Enforcement("CN", new Fixed(0.3)).Apply(cn, draw, 0);
        Assert.Equal(0.3, cn.Enforcement[0]);
        new Enforcement("CN", new Fixed(0.3), Relative: true).Apply(cn, draw, 0);
        Assert.Equal(0.3 + 0.3, cn.Enforcement[0]);
    }

    [Fact]
    public void An_actions_second_value_comes_from_its_own_slot()
    {
        // DomesticChips draws its ceiling at EventValueBase + 0 and its output scale at + 1: U(0, 1) at u is u.
        var spec = TestWorlds.UsCn();
        var d = new MemberDraws(spec.Seed, 3, 2, false);
        int key = ActorKey.Of("event", "chips"), month = 20;
        var cnBlock = new CountryState(spec, 1, d);
        double[] before = (double[])cnBlock.ChipOutput.Clone();
        new DomesticChips("CN", null, new UniformDist(0, 1)).Apply(cnBlock, new ActionDraw(d, key, month), 1);
        double u = CounterRng.Uniform(spec.Seed, 3 + 1, key, month, DrawSlot.EventValueBase + 1);
        Near.Close(before[1] * u, cnBlock.ChipOutput[1], "output of member 4", 1e-15);
        Assert.Equal(before[0], cnBlock.ChipOutput[0]);
    }

    [Fact]
    public void An_events_stream_is_named_by_its_name_else_by_its_date_and_action()
    {
        ScheduledEvent Country(Month date, CountryAction a, string? name = null) => new() { Date = date, Country = a, Name = name };
        ScheduledEvent Firm(Month date, FirmAction a) => new() { Date = date, Firm = a };
        var block = new ApiBlock("us-frontier", "CN", new Fixed(0.2));
        var control = new ExportControl("US", "CN", 1);
        // Named: the name alone, whatever the date or action.
        Assert.Equal(ActorKey.Of("event", "the-block"), Country(M, block, "the-block").Key);
        Assert.Equal(Country(M, block, "the-block").Key, Country(M + 5, control, "the-block").Key);
        // Unnamed: date and action both count, for government and firm events alike.
        Assert.NotEqual(Country(M, block).Key, Country(M, control).Key);
        Assert.NotEqual(Country(M, block).Key, Country(M + 1, block).Key);
        Assert.NotEqual(Firm(M, new FundingScale("cn-a", new Fixed(2))).Key, Firm(M, new FundingScale("cn-b", new Fixed(2))).Key);
        Assert.NotEqual(Firm(M, new Exit("cn-a")).Key, Country(M, block).Key);
    }

    [Fact]
    public void A_rules_stream_is_named_by_its_name_else_by_its_government_and_place()
    {
        Assert.Equal(ActorKey.Of("rule", "tighten"), Rule(name: "tighten").Key(0));
        Assert.Equal(Rule(name: "tighten").Key(0), Rule(name: "tighten").Key(3));
        Assert.NotEqual(Rule().Key(0), Rule().Key(1));
        Assert.NotEqual(Rule().Key(0), Rule(government: "CN").Key(0));
        Assert.Equal(ActorKey.Of("rule", "US#2"), Rule().Key(2));
    }

    [Fact]
    public void A_rule_does_not_hold_at_its_threshold_itself()
    {
        var below = Rule();
        var above = below with { Op = Comparison.Above };
        Assert.False(below.Holds(6, M));
        Assert.False(above.Holds(6, M));
        Assert.True(below.Holds(5.999, M));
        Assert.True(above.Holds(6.001, M));
    }

    [Fact]
    public void A_threshold_path_holds_its_start_value_through_its_start_month()
    {
        // 12 from 2021-01 to 0 at 2022-01: 12 at the start, 6 halfway, 0 from the end; a path that starts and ends in
        // one month is its start value in that month and its end value after.
        var path = new ThresholdPath(12, M, M + 12, 0);
        Assert.Equal([12.0, 12, 6, 0, 0], new[] { M - 1, M, M + 6, M + 12, M + 13 }.Select(path.At));
        var step = new ThresholdPath(12, M, M, 0);
        Assert.Equal([12.0, 12, 0], new[] { M - 1, M, M + 1 }.Select(step.At));
    }

    [Fact]
    public void Every_government_with_a_rule_of_its_own_or_a_perception_decides()
    {
        var spec = TestWorlds.UsCn() with
        {
            Rules = [Rule(), Rule(government: "CN", then: new Support("CN", new Fixed(10)))],
            Countries = [.. TestWorlds.UsCn().Countries, TestWorlds.Country("EU")],
        };
        Assert.Equal([0, 1], MonthProtocol.Deciders(spec));
        Assert.Equal([0], MonthProtocol.Deciders(spec with { Rules = [Rule()] }));
        Assert.Empty(MonthProtocol.Deciders(spec with { Rules = [] }));
    }

    [Fact]
    public void A_month_outside_1_to_12_is_refused_with_its_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Month.Of(2020, 13));
        Assert.Contains("month must be 1..12", e.Message);
        Assert.Equal(2020 * 12 + 11, Month.Of(2020, 12).Index);
    }
}
