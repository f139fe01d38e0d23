using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Time;
using CsCheck;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Monotonicity of the model under common random numbers: two runs with the same seed that
/// differ in one lever. The world is one US frontier lab (its own research only: χ = 0), one US
/// open lab, and one Chinese lab that sells only at home and does not publish; China licenses its
/// models, which keeps foreign models out of its market. Outside this world the model has real
/// feedbacks that can run the other way, not covered here: with several Chinese labs revenue moves
/// between them; with foreign models in the Chinese market a block moves revenue to Chinese labs;
/// a Chinese lab that publishes lifts US algorithms through diffusion (A2); and one that sells in
/// the US takes revenue from the US open lab, whose weaker open model then lowers every lab's
/// open base (K2). Each of these was found by these properties before the world was narrowed.
/// </summary>
public class PropertyTests
{
    private const int Members = 4, Months = 60;
    private static readonly Month Start = TestWorlds.Start;

    private sealed record Draw(ulong Seed, double CnFunding, double CnGrowth, double Smuggling, double Enforcement,
        double ChipOutput, double ResearchShare, int EventMonth);

    private static readonly Gen<Draw> Draws =
        Gen.Select(Gen.ULong, Gen.Double[10, 200], Gen.Double[1.2, 3], Gen.Double[0, 0.3], Gen.Double[0, 2],
            Gen.Double[0, 50000], Gen.Double[0.1, 0.35], Gen.Int[0, Months - 1])
        .Select(x => new Draw(x.Item1, x.Item2, x.Item3, x.Item4, x.Item5, x.Item6, x.Item7, x.Item8));

    private static WorldSpec World(Draw d, double? cnResearchShare = null) => new()
    {
        Start = Start,
        End = Start + (Months - 1),
        Seed = d.Seed,
        Parameters = new GlobalParameters()
            .With(ParameterCatalog.AlgorithmicHalvingMonths, LogNormalDist.FromMedianP95(8, 14))
            .With(ParameterCatalog.DiffusionRatePerMonth, LogNormalDist.FromMedianP95(0.08, 0.2))
            .With(ParameterCatalog.DistillationLoss, new UniformDist(0, 0.2))
            .With(ParameterCatalog.CapabilityNoiseSd, new Fixed(0.05))
            .With(ParameterCatalog.BreakthroughRatePerMonth, new Fixed(0.05)),
        Countries =
        [
            TestWorlds.Country("US"),
            TestWorlds.Country("CN") with
            {
                SmugglingBase = new Fixed(d.Smuggling),
                DomesticChips = new DomesticChipSpec { OutputPerMonth = new Fixed(d.ChipOutput), GrowthPerMonth = new Fixed(0.02) },
            },
        ],
        Firms =
        [
            TestWorlds.Firm("us-frontier", "US", 300, abroad: true) with { Distillation = new Fixed(0) },
            TestWorlds.Firm("us-open", "US", 120, open: true, publishes: true) with { Distillation = new Fixed(0) },
            TestWorlds.Firm("cn-lab", "CN", d.CnFunding, d.CnGrowth) with
            {
                Distillation = new BetaDist(4, 4), ResearchShare = new Fixed(cnResearchShare ?? d.ResearchShare),
            },
        ],
        Events =
        [
            new ScheduledEvent { Date = Start, Country = new Licensing("CN", true, 0.3, 3) },
            new ScheduledEvent { Date = Start, Country = new Enforcement("CN", new Fixed(d.Enforcement)) },
        ],
        GapPairs = [new GapPair("CN", "US")],
    };

    private static void Lockstep(WorldSpec a, WorldSpec b, Action<BlockSimulation, BlockSimulation> check)
    {
        var x = new BlockSimulation(a, 0, Members);
        var y = new BlockSimulation(b, 0, Members);
        while (!x.Done) { x.Step(); y.Step(); check(x, y); }
    }

    private static double Installed(BlockSimulation s, int m) => s.Firms.Where(f => f.Spec.Country == "CN").Sum(f => f.Installed[m]);

    [Fact]
    public void A_stricter_export_control_tier_never_raises_Chinese_installed_compute()
    {
        // Two different tiers every draw: loose in 0..2, strict above it.
        Gen.Select(Draws, Gen.Int[0, 2], Gen.Int[1, 3]).Sample((d, loose, step) =>
        {
            int strict = Math.Min(3, loose + step);
            Assert.True(strict > loose);
            var date = Start + d.EventMonth;
            var baseWorld = World(d);
            var a = baseWorld with { Events = [.. baseWorld.Events, new ScheduledEvent { Date = date, Country = new ExportControl("US", "CN", loose) }] };
            var b = baseWorld with { Events = [.. baseWorld.Events, new ScheduledEvent { Date = date, Country = new ExportControl("US", "CN", strict) }] };
            Lockstep(a, b, (x, y) =>
            {
                for (int m = 0; m < Members; m++)
                    Assert.True(Installed(y, m) <= Installed(x, m) * (1 + 1e-12),
                        $"{x.Next}: tier {strict} gave {Installed(y, m)} > tier {loose} {Installed(x, m)}");
            });
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Removing_an_api_block_never_widens_the_Chinese_capability_gap()
    {
        Gen.Select(Draws, Gen.Double[0, 1]).Sample((d, access) =>
        {
            var world = World(d) with
            {
                Countries = [World(d).Countries[0], World(d).Countries[1] with { ForeignApiAccess = new Fixed(access) }],
            };
            var blocked = world with
            {
                Events = [.. world.Events, new ScheduledEvent { Date = Start + d.EventMonth, Country = new ApiBlock("us-frontier", "CN", new BetaDist(2, 6)) }],
            };
            Lockstep(world, blocked, (free, block) =>
            {
                for (int m = 0; m < Members; m++)
                {
                    double gapFree = free.World.Gaps.Capability[0][m], gapBlocked = block.World.Gaps.Capability[0][m];
                    Assert.True(gapFree <= gapBlocked + 1e-9, $"{free.Next}: no block {gapFree} > block {gapBlocked}");
                }
            });
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void More_research_spend_never_lowers_absorptive_capacity_or_algorithmic_efficiency()
    {
        // Absorption alone would reduce to A1 (γ rises with Z); algorithmic efficiency carries it through
        // A2, where γ scales the catch-up toward the published frontier and Z the own progress.
        Gen.Select(Draws, Gen.Double[0.001, 0.3]).Sample((d, more) =>
        {
            Lockstep(World(d, d.ResearchShare), World(d, d.ResearchShare + more), (less, plus) =>
            {
                for (int m = 0; m < Members; m++)
                    Assert.True(plus.Firms[2].Absorption[m] >= less.Firms[2].Absorption[m],
                        $"{less.Next}: γ {plus.Firms[2].Absorption[m]} < {less.Firms[2].Absorption[m]}");
                for (int m = 0; m < Members; m++)
                    Assert.True(plus.Firms[2].Algorithmic[m] >= less.Firms[2].Algorithmic[m] - 1e-12,
                        $"{less.Next}: a {plus.Firms[2].Algorithmic[m]} < {less.Firms[2].Algorithmic[m]}");
            });
        }, iter: 40, threads: 1);
    }
}
