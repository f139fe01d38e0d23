using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// What a world spec refuses and how it says so (each condition of a compound check broken on its
/// own, and the boundary accepted), the parameter set's equality, hashing and text, parameter
/// descriptions, the action catalog, and a scheduled event's action.
/// </summary>
public class SpecValidationTests
{
    private static readonly Month Start = TestWorlds.Start;

    private static string Refusal(WorldSpec spec) => Assert.Throws<ArgumentException>(spec.Validate).Message;

    private static WorldSpec WithFirm(FirmSpec firm)
    {
        var w = TestWorlds.UsCn(months: 24);
        return w with { Firms = [.. w.Firms, firm] };
    }

    [Fact]
    public void Countries_and_firms_are_found_by_id_or_named_when_unknown()
    {
        var w = TestWorlds.UsCn(months: 24);
        Assert.Equal(1, w.CountryIndex("CN"));
        Assert.Equal(3, w.FirmIndex("cn-b"));
        Assert.Equal("unknown country 'JP'", Assert.Throws<ArgumentException>(() => w.CountryIndex("JP")).Message);
        Assert.Equal("unknown firm 'nobody'", Assert.Throws<ArgumentException>(() => w.FirmIndex("nobody")).Message);
        Assert.Equal("unknown country 'JP'", Refusal(WithFirm(TestWorlds.Firm("jp-lab", "JP", 10))));
        Assert.Equal("unknown country 'JP'", Refusal(w with { GapPairs = [new GapPair("CN", "JP")] }));
        Assert.Equal("unknown firm 'nobody'", Refusal(w with
        {
            Events = [new ScheduledEvent { Date = Start + 3, Country = new ApiBlock("nobody", "CN", new Fixed(0.5)) }],
        }));
    }

    [Theory]
    [InlineData(0.0, 12.0, false)]   // no growth factor
    [InlineData(-1.0, 12.0, false)]
    [InlineData(1.2, 0.0, false)]    // no half-life
    [InlineData(1.2, -3.0, false)]
    [InlineData(1.2, 12.0, true)]
    [InlineData(0.01, 0.5, true)]
    public void A_funding_fade_needs_a_positive_growth_factor_and_half_life(double toPerYear, double halfLife, bool valid)
    {
        var firm = TestWorlds.Firm("fading", "US", 50);
        var spec = WithFirm(firm with { Funding = firm.Funding with { Fade = new GrowthFade(toPerYear, halfLife) } });
        if (valid) spec.Validate();
        else Assert.Equal("firm 'fading': a funding fade needs a growth factor and a half-life > 0", Refusal(spec));
    }

    [Fact]
    public void An_entrant_at_a_past_frontier_needs_a_date_before_its_entry()
    {
        var late = TestWorlds.Firm("late", "CN", 10, h0: 0, z0: 0) with { Entry = Month.Of(2021, 5) };
        Assert.Equal("firm 'late': frontier_at 2021-05 must be before its entry 2021-05",
            Refusal(WithFirm(late with { EntryCapability = new FrontierAt(Month.Of(2021, 5)) })));
        Assert.Equal("firm 'late': frontier_at 2021-09 must be before its entry 2021-05",
            Refusal(WithFirm(late with { EntryCapability = new FrontierAt(Month.Of(2021, 9)) })));
        WithFirm(late with { EntryCapability = new FrontierAt(Month.Of(2021, 4)) }).Validate();
        WithFirm(late with { EntryCapability = new CapabilityLevel(25) }).Validate();
    }

    [Theory]
    [InlineData(4, false, false)]
    [InlineData(-1, false, false)]
    [InlineData(3, false, true)]    // the last of the four default tiers
    [InlineData(0, false, true)]
    [InlineData(4, true, true)]     // relative steps are clamped when applied
    [InlineData(-2, true, true)]
    public void An_absolute_export_control_tier_must_be_in_the_tier_table(int tier, bool relative, bool valid)
    {
        var spec = TestWorlds.UsCn(months: 24) with
        {
            Events = [new ScheduledEvent { Date = Start + 2, Country = new ExportControl("US", "CN", tier, relative) }],
        };
        if (valid) spec.Validate();
        else Assert.Equal($"export-control tier {tier} is outside 0..3", Refusal(spec));
    }

    [Theory]
    [InlineData("US", "CN", "rule on perceived gap: 'CN' perceives CN behind US, not US behind CN")]
    [InlineData("US", "US", "rule on perceived gap: 'CN' perceives CN behind US, not US behind US")]  // only Of differs
    [InlineData("CN", "CN", "rule on perceived gap: 'CN' perceives CN behind US, not CN behind CN")]  // only Behind differs
    [InlineData("CN", "US", null)]
    public void A_rule_on_the_perceived_gap_must_read_the_gap_its_government_perceives(string of, string behind, string? message)
    {
        var w = TestWorlds.WithPolicy(months: 24);
        var rule = new ThresholdRule
        {
            Government = "CN", Metric = RuleMetric.PerceivedGap, Of = of, Behind = behind, Op = Comparison.Above,
            Threshold = new ThresholdPath(6), Then = new Support("CN", new Fixed(5)),
        };
        var spec = w with { Rules = [rule] };
        if (message is null) spec.Validate();
        else Assert.Equal(message, Refusal(spec));
    }

    [Fact]
    public void A_stricter_export_tier_may_not_offer_more_compute_per_dollar()
    {
        var w = TestWorlds.UsCn(months: 12);
        ExportTier none = new("none", new Fixed(1), new Fixed(1)), loose = new("loose", new Fixed(0.6), new Fixed(1));
        // Tier 2: 0.9 H100e at 1.2 H100 prices = 0.75 per dollar, more than tier 1's 0.6.
        var e = Assert.Throws<ArgumentException>(() => new BlockSimulation(w with { ExportTiers = [none, loose, new("looser", new Fixed(0.9), new Fixed(1.2))] }, 5, 2));
        Assert.Equal("export-control tier 2 ('looser') offers more compute per dollar (0.75) than tier 1 (0.6) in member 5: stricter tiers must not", e.Message);
        // Tier 1 against tier 0's one H100e per dollar.
        e = Assert.Throws<ArgumentException>(() => new BlockSimulation(w with { ExportTiers = [none, new("better", new Fixed(1.1), new Fixed(1))] }, 0, 1));
        Assert.Equal("export-control tier 1 ('better') offers more compute per dollar (1.1) than tier 0 (1) in member 0: stricter tiers must not", e.Message);
        // Equal value per dollar is allowed: 0.3 at half price is 0.6, as tier 1.
        var sim = new BlockSimulation(w with { ExportTiers = [none, loose, new("same", new Fixed(0.3), new Fixed(0.5))] }, 0, 1);
        Assert.Equal(0.3 / 0.5, sim.Tiers.Efficiency[2][0] / sim.Tiers.Price[2][0]);
    }

    [Fact]
    public void A_scheduled_event_carries_one_action()
    {
        var control = new ExportControl("US", "CN", 1);
        var exit = new Exit("cn-b");
        Assert.Same(control, new ScheduledEvent { Date = Start, Country = control }.Action);
        Assert.Same(exit, new ScheduledEvent { Date = Start, Firm = exit }.Action);
        var none = new ScheduledEvent { Date = Start };
        Assert.Equal("event without action", Assert.Throws<InvalidOperationException>(() => none.Action).Message);
    }

    [Fact]
    public void Parameter_sets_are_equal_by_value_in_every_form()
    {
        var a = new GlobalParameters();
        var b = new GlobalParameters().With(ParameterCatalog.Utilisation, ParameterCatalog.Utilisation.Default);
        var c = new GlobalParameters().With("utilisation", new Fixed(0.4));
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals((object?)null));
        Assert.False(a.Equals((object)"utilisation"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new Fixed(0.4), c[ParameterCatalog.Utilisation]);
        Assert.Equal("no global parameter 'nope'", Assert.Throws<ArgumentException>(() => a.With("nope", new Fixed(1))).Message);
    }

    [Fact]
    public void A_parameter_set_prints_every_key_with_its_value_in_catalog_order()
    {
        var p = new GlobalParameters().With(ParameterCatalog.AlgorithmicHalvingMonths, new Fixed(7.25));
        string text = p.ToString();
        Assert.StartsWith($"{ParameterCatalog.All[0].Key} = {ParameterCatalog.All[0].Default}, {ParameterCatalog.All[1].Key} = ", text);
        Assert.Contains($"algorithmic_halving_months = {new Fixed(7.25)}, ", text);
        Assert.Contains("7.25", $"{new Fixed(7.25)}");
        Assert.EndsWith($"{ParameterCatalog.All[^1].Key} = {ParameterCatalog.All[^1].Default}", text);
        int at = -1;
        foreach (var q in ParameterCatalog.All)
        {
            int next = text.IndexOf($"{q.Key} = ", StringComparison.Ordinal);
            Assert.True(next > at, q.Key);
            at = next;
        }
    }

    [Fact]
    public void A_parameter_describes_itself_with_symbol_unit_and_equation()
    {
        Assert.Equal("Z50: research stock at which absorption γ is 0.5 (M$; A1).", ParameterCatalog.AbsorptionHalfStock.Description);
        Assert.Equal("ρ: returns to the research stock (A2).", ParameterCatalog.ResearchReturns.Description);       // unit "–" left out
        Assert.Equal("Size of one breakthrough, drawn for each breakthrough (log10; A2).", ParameterCatalog.BreakthroughSize.Description); // no symbol
        var bare = new Parameter(0, "bare", "", "", new Fixed(1), new ParameterRange(0, 1), "a test value", "X9", ParameterUse.PerMember, 0);
        Assert.Equal("A test value (X9).", bare.Description);
        Assert.Equal("utilisation", ParameterCatalog.Utilisation.ToString());
        Assert.Equal("publication_lag_months", $"{ParameterCatalog.PublicationLagMonths}");
    }

    [Fact]
    public void The_action_catalog_names_every_action_once_with_its_kernel_type()
    {
        (string Key, Type Kernel, bool OnFirm)[] expected =
        [
            ("export_control", typeof(ExportControl), false), ("enforcement", typeof(Enforcement), false),
            ("api_block", typeof(ApiBlock), false), ("api_unblock", typeof(ApiUnblock), false),
            ("vouchers", typeof(Vouchers), false), ("support", typeof(Support), false), ("chip_fund", typeof(ChipFund), false),
            ("domestic_chips", typeof(DomesticChips), false), ("patent_subsidy", typeof(PatentSubsidy), false),
            ("licensing", typeof(Licensing), false), ("price_war", typeof(PriceWar), false),
            ("open_weights", typeof(OpenWeights), true), ("funding_scale", typeof(FundingScale), true), ("exit", typeof(Exit), true),
        ];
        Assert.Equal(expected, ActionCatalog.All.Select(a => (a.Key, a.Kernel, a.OnFirm)));
        Assert.All(ActionCatalog.All, a => Assert.Matches(@"^[A-Z].{8,}\.$", a.Meaning));
        Assert.Equal(ActionCatalog.All.Count, ActionCatalog.All.Select(a => a.Meaning).Distinct().Count());
        // Every concrete action type of the kernel is in the catalog, firm actions marked as such.
        var kernel = typeof(CountryAction).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(CountryAction).IsAssignableFrom(t) || typeof(FirmAction).IsAssignableFrom(t)));
        Assert.All(kernel, t => Assert.Equal(typeof(FirmAction).IsAssignableFrom(t), ActionCatalog.Of(t).OnFirm));
        Assert.Equal(14, kernel.Count());
        Assert.Equal("exit", ActionCatalog.Of(typeof(Exit)).Key);
        Assert.Equal("licensing", ActionCatalog.Of(typeof(Licensing)).Key);
        Assert.Equal("String is not a catalog action", Assert.Throws<ArgumentException>(() => ActionCatalog.Of(typeof(string))).Message);
    }
}
