using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Two runs of one world on common random numbers, one with an extra event: stepped together, bit-identical
/// (every number <see cref="Snapshot"/> holds) in every month before the event's, then through the event's month.
/// </summary>
public sealed class DifferentialRun
{
    public const int Members = 3;
    public readonly BlockSimulation Base, With;
    /// <summary>Each firm's national share and revenue as they stood before the event's month (C2 reads them).</summary>
    public readonly double[][] ShareBefore, RevenueBefore;
    /// <summary>Each firm's capability and the best open model at the end of the month before the event's.</summary>
    public readonly double[][] CapabilityBefore;
    public readonly double[] OpenBestBefore;

    private DifferentialRun(BlockSimulation a, BlockSimulation b, double[][] share, double[][] revenue, double[][] capability, double[] open)
    {
        Base = a; With = b; ShareBefore = share; RevenueBefore = revenue; CapabilityBefore = capability; OpenBestBefore = open;
    }

    public static DifferentialRun Through(WorldSpec spec, params ScheduledEvent[] events)
    {
        var date = events.Min(e => e.Date);
        var a = new BlockSimulation(spec, 0, Members);
        var b = new BlockSimulation(spec with { Events = [.. spec.Events, .. events] }, 0, Members);
        while (a.Next < date)
        {
            a.Step(); b.Step();
            for (int m = 0; m < Members; m++) Assert.Equal(Snapshot.Of(a, m), Snapshot.Of(b, m));
        }
        var share = a.World.View.NationalShare.Select(x => x.ToArray()).ToArray();
        var revenue = a.World.View.Revenue.Select(x => x.ToArray()).ToArray();
        var capability = a.Firms.Select(f => f.Capability.ToArray()).ToArray();
        var open = a.World.View.OpenBest.ToArray();
        a.Step(); b.Step();
        return new DifferentialRun(a, b, share, revenue, capability, open);
    }

    /// <summary>One more month in both runs.</summary>
    public void Step() { Base.Step(); With.Step(); }

    public int Firm(string id) => Base.Spec.FirmIndex(id);
    public int Country(string id) => Base.Spec.CountryIndex(id);

    /// <summary>
    /// The differential world: US with a frontier lab (API abroad) and an open-weights lab, CN with two labs and
    /// a chip industry; fixed values that tell a formula from its mirror image (ρ_rev = 0.37, λ0 = 0.23, ξ = 0.8).
    /// Tier 1 here is a compliant chip of efficiency 0.3 at price 1.3; tier 2 closes the compliant channel.
    /// </summary>
    public static WorldSpec World(int months = 24, bool deterministic = false)
    {
        var w = TestWorlds.UsCn(months, seed: 7, deterministic);
        var cn = TestWorlds.Country("CN", spend: 130) with
        {
            SmugglingBase = new Fixed(0.23),
            Support = new Fixed(20),
            DomesticChips = new DomesticChipSpec
            {
                OutputPerMonth = new Fixed(400), GrowthPerMonth = new Fixed(0.03), FundResponse = new Fixed(0.8),
                FabCapitalMusd = new Fixed(7000), EfficiencyStart = new Fixed(0.3), EfficiencyCeiling = new Fixed(0.45),
                LearningChips = new Fixed(20000),
            },
        };
        return w with
        {
            Parameters = w.Parameters
                .With(ParameterCatalog.RevenueReinvestment, new Fixed(0.37))
                .With(ParameterCatalog.SmugglingPremium, new Fixed(0.4))
                .With(ParameterCatalog.SmugglingEnforcementElasticity, new Fixed(0.8))
                .With(ParameterCatalog.DomesticChipPrice, new Fixed(0.8)),
            Countries = [TestWorlds.Country("US"), cn],
            ExportTiers =
            [
                new("none", new Fixed(1), new Fixed(1)),
                new("compliant", new Fixed(0.3), new Fixed(1.3)),
                new("closed", new Fixed(0), new Fixed(1)),
            ],
        };
    }

    public static ScheduledEvent At(Month date, CountryAction action) => new() { Date = date, Country = action };
    public static ScheduledEvent At(Month date, FirmAction action) => new() { Date = date, Firm = action };
}
