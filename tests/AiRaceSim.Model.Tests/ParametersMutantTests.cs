using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>Parameters/ survivors of Stryker: the draws' streams and names, the tier check, the spec's own checks, defaults.</summary>
public sealed class ParametersMutantTests
{
    private static readonly Month S = TestWorlds.Start;

    /// <summary>U(a, b) at the member's uniform of (actor, slot), worked from the definition a + (b − a)·u.</summary>
    private static double Uniform(WorldSpec spec, int member, int actor, int slot, double a, double b) =>
        a + (b - a) * CounterRng.Uniform(spec.Seed, member, actor, CounterRng.SetupMonth, slot);

    [Fact]
    public void A_growth_schedule_draws_each_segment_from_its_own_slot_and_names_it_by_its_month()
    {
        var spec = TestWorlds.UsCn(months: 24) with
        {
            Firms =
            [
                TestWorlds.Firm("us-frontier", "US", 300) with
                {
                    Funding = new FundingSchedule(new UniformDist(200, 400), S,
                        [(S, new UniformDist(1.2, 2.0)), (S + 12, new UniformDist(1.1, 1.5))]),
                },
                TestWorlds.Firm("cn-a", "CN", 60) with { Funding = new FundingSchedule(new Fixed(60), S, [(S, new UniformDist(1.3, 1.6))]) },
            ],
        };
        var drawn = DrawnParameters.Of(spec, 2, 2).ToDictionary(p => p.Path, p => p.Values);
        int us = ActorKey.Of("firm", "us-frontier"), cn = ActorKey.Of("firm", "cn-a"), first = DrawSlot.ParameterBase + 40;
        for (int m = 0; m < 2; m++)
        {
            Near.Close(Uniform(spec, 2 + m, us, first, 200, 400), drawn["firms.us-frontier.funding.musd_per_month"][m], "level", 1e-15);
            Near.Close(Uniform(spec, 2 + m, us, first + 1, 1.2, 2.0), drawn["firms.us-frontier.funding.growth_per_year.2020-01"][m], "first segment", 1e-15);
            Near.Close(Uniform(spec, 2 + m, us, first + 2, 1.1, 1.5), drawn["firms.us-frontier.funding.growth_per_year.2021-01"][m], "second segment", 1e-15);
            Near.Close(Uniform(spec, 2 + m, cn, first + 1, 1.3, 1.6), drawn["firms.cn-a.funding.growth_per_year"][m], "one segment", 1e-15);
        }
    }

    [Fact]
    public void Tier_draws_come_from_the_tiers_stream_two_slots_a_tier()
    {
        var spec = TestWorlds.UsCn(months: 12) with
        {
            ExportTiers = [new ExportTier("none", new Fixed(0), new Fixed(1)), new ExportTier("h20", new UniformDist(0.2, 0.4), new UniformDist(0.5, 0.9))],
        };
        var drawn = DrawnParameters.Of(spec, 0, 3).ToDictionary(p => p.Path, p => p.Values);
        int actor = ActorKey.Of("tiers", "export-control");
        for (int m = 0; m < 3; m++)
        {
            Near.Close(Uniform(spec, m, actor, DrawSlot.ParameterBase + 2, 0.2, 0.4), drawn["export_tiers.h20.compliant_efficiency"][m], "efficiency", 1e-15);
            Near.Close(Uniform(spec, m, actor, DrawSlot.ParameterBase + 3, 0.5, 0.9), drawn["export_tiers.h20.compliant_price"][m], "price", 1e-15);
        }
    }

    [Fact]
    public void A_stricter_tier_that_offers_more_compute_per_dollar_is_refused_naming_the_member()
    {
        // Tier 1: 0.5 H100e at 0.5 of the price (1 per dollar); tier 2: 0.6 at 0.5 (1.2 per dollar) — more than tier 1.
        // (e·p would be 0.25 and 0.3: both below 1, and the check would pass.)
        var tiers = new List<ExportTier>
        {
            new("none", new Fixed(0), new Fixed(1)), new("a", new Fixed(0.5), new Fixed(0.5)), new("b", new Fixed(0.6), new Fixed(0.5)),
        };
        var e = Assert.Throws<ArgumentException>(() => new TierDraws(tiers, new MemberDraws(1, 5, 3, false)));
        Assert.Contains("tier 2 ('b')", e.Message);
        Assert.Contains("in member 5", e.Message);
        // Only from the second member of the block on: U(0, 0.6) at 0.5 of the price passes 1 per dollar where u > 5/6.
        var uncertain = new List<ExportTier>(tiers) { [2] = new ExportTier("b", new UniformDist(0, 0.6), new Fixed(0.5)) };
        int firstBad = Enumerable.Range(0, 50).First(m => CounterRng.Uniform(1, 5 + m, ActorKey.Of("tiers", "export-control"), CounterRng.SetupMonth, DrawSlot.ParameterBase + 4) > 5.0 / 6);
        Assert.True(firstBad > 0, "the first member already fails: the member index is not tested");
        Assert.Contains($"in member {5 + firstBad}", Assert.Throws<ArgumentException>(() => new TierDraws(uncertain, new MemberDraws(1, 5, 50, false))).Message);
        // Exactly as much per dollar as the tier before is allowed.
        tiers[2] = new ExportTier("b", new Fixed(0.5), new Fixed(0.5));
        _ = new TierDraws(tiers, new MemberDraws(1, 5, 3, false));
    }

    [Fact]
    public void The_default_tiers_are_named_as_MODEL_md_names_them()
    {
        Assert.Equal(["none", "a800-h800", "h20", "h20-licence"], new WorldSpec { Start = S, End = S, Countries = [], Firms = [] }.ExportTiers.Select(t => t.Name));
    }

    [Fact]
    public void The_spec_checks_its_ids_pairs_and_tiers()
    {
        var spec = TestWorlds.UsCn(months: 12);
        // A firm may share an id with a country: they are different kinds of actor.
        (spec with { Firms = [.. spec.Firms, TestWorlds.Firm("US", "US", 10)] }).Validate();
        Assert.Contains("firm 'cn-a' is defined twice", Assert.Throws<ArgumentException>(() => (spec with { Firms = [.. spec.Firms, TestWorlds.Firm("cn-a", "CN", 10)] }).Validate()).Message);
        Assert.Contains("unknown country 'XX'", Assert.Throws<ArgumentException>(() => (spec with { GapPairs = [new GapPair("XX", "US")] }).Validate()).Message);
        Assert.Contains("unknown country 'XX'", Assert.Throws<ArgumentException>(() => (spec with { GapPairs = [new GapPair("CN", "XX")] }).Validate()).Message);
        // Tier 0 alone is enough.
        (spec with { ExportTiers = [new ExportTier("none", new Fixed(0), new Fixed(1))] }).Validate();
        Assert.Throws<ArgumentException>(() => (spec with { ExportTiers = [] }).Validate());
    }

    [Fact]
    public void Parameter_sets_compare_and_hash_by_their_values()
    {
        var a = new GlobalParameters().With(ParameterCatalog.Utilisation, new Fixed(0.4));
        var b = new GlobalParameters().With(ParameterCatalog.Utilisation, new Fixed(0.4));
        var c = new GlobalParameters().With(ParameterCatalog.Utilisation, new Fixed(0.3));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a.GetHashCode(), c.GetHashCode());
        Assert.Throws<ArgumentNullException>(() => a.With(ParameterCatalog.Utilisation, null!));
    }

    [Fact]
    public void Defaults_a_firm_serves_its_api_and_utilisation_is_above_zero()
    {
        Assert.True(new FirmSpec { Id = "x", Country = "US", Funding = FundingSchedule.Flat(1, S) }.ServesApi);
        Assert.True(ParameterCatalog.Utilisation.Range.MinExclusive);
        Assert.False(ParameterCatalog.ComputeDepreciationPerMonth.Range.MinExclusive);
    }
}
