using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>Small worlds for tests: two countries, a few firms, the default parameters unless a test says otherwise.</summary>
public static class TestWorlds
{
    public static readonly Month Start = Month.Of(2020, 1);

    public static FirmSpec Firm(string id, string country, double musd, double growth = 1.5, bool api = true,
        bool abroad = false, bool open = false, bool publishes = false, double h0 = 20000, double z0 = 500) => new()
    {
        Id = id, Country = country, ServesApi = api, OffersApiAbroad = abroad, OpenWeights = open, Publishes = publishes,
        Funding = new FundingSchedule(new Fixed(musd), Start, [(Start, new Fixed(growth))]),
        InitialCompute = new Fixed(h0), InitialResearchStock = new Fixed(z0),
    };

    public static CountrySpec Country(string id, double spend = 100, double access = 0.5) => new()
    {
        Id = id,
        Market = new MarketSpec { InitialAdoption = new Fixed(0.1), SpendPerAdopter = new Fixed(spend) },
        ForeignApiAccess = new Fixed(access),
        PatentPropensity = new Fixed(0.5),
        SmugglingBase = new Fixed(0.1),
        DomesticChips = new DomesticChipSpec { OutputPerMonth = new Fixed(10000), GrowthPerMonth = new Fixed(0.03) },
    };

    /// <summary>US with a frontier lab serving its API abroad and an open-weights lab; CN with two labs.</summary>
    public static WorldSpec UsCn(int months = 72, ulong seed = 42, bool deterministic = false) => new()
    {
        Start = Start,
        End = Start + (months - 1),
        Seed = seed,
        Deterministic = deterministic,
        Parameters = new GlobalParameters()
            .With(ParameterCatalog.AlgorithmicHalvingMonths, LogNormalDist.FromMedianP95(8, 14))
            .With(ParameterCatalog.DiffusionRatePerMonth, LogNormalDist.FromMedianP95(0.08, 0.2))
            .With(ParameterCatalog.DistillationLoss, new UniformDist(0, 0.2))
            .With(ParameterCatalog.CapabilityNoiseSd, new Fixed(0.02))
            .With(ParameterCatalog.BreakthroughRatePerMonth, new Fixed(0.02)),
        Countries = [Country("US"), Country("CN")],
        Firms =
        [
            Firm("us-frontier", "US", 300, abroad: true) with { Distillation = new Fixed(0.05) },
            Firm("us-open", "US", 150, open: true, publishes: true),
            Firm("cn-a", "CN", 60) with { Distillation = new BetaDist(4, 4) },
            Firm("cn-b", "CN", 40, publishes: true) with { Distillation = new BetaDist(4, 4) },
        ],
        GapPairs = [new GapPair("CN", "US")],
    };

    /// <summary>
    /// The small world with the historical kinds of events, an entrant at a past frontier, a
    /// funding round, an exit and both default rules: exercises every path. Events past the end
    /// are left out.
    /// </summary>
    public static WorldSpec WithPolicy(int months = 72, ulong seed = 42)
    {
        var world = UsCn(months, seed);
        var end = world.End;
        return world with
    {
        Countries =
        [
            Country("US"),
            Country("CN") with
            {
                Perception = new PerceptionSpec { Of = "CN", Behind = "US", Kappa = new Fixed(0.5), NoiseSd = new Fixed(1) },
                Support = new Fixed(20),
            },
        ],
        Firms =
        [
            .. world.Firms,
            Firm("cn-entrant", "CN", 15, h0: 0, z0: 0) with { Entry = Month.Of(2022, 3), EntryCapability = new FrontierAt(Month.Of(2020, 6)) },
        ],
        Events = new ScheduledEvent[]
        {
            new() { Date = Month.Of(2022, 10), Country = new ExportControl("US", "CN", 1) },
            new() { Date = Month.Of(2023, 8), Country = new Licensing("CN", true, 0.3, 3) },
            new() { Date = Month.Of(2023, 11), Country = new ExportControl("US", "CN", 2) },
            new() { Date = Month.Of(2024, 7), Country = new ApiBlock("us-frontier", "CN", new BetaDist(2, 6)) },
            new() { Date = Month.Of(2023, 2), Firm = new OpenWeights("cn-b", true) },
            new() { Date = Month.Of(2024, 1), Country = new Vouchers("CN", new UniformDist(0.2, 0.5)) },
            new() { Date = Month.Of(2021, 7), Firm = new FundingScale("cn-a", new UniformDist(1.2, 2.0)) },
            new() { Date = Month.Of(2025, 3), Firm = new Exit("cn-b") },
        }.Where(e => e.Date <= end).ToList(),
        Rules =
        [
            new ThresholdRule
            {
                Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
                Threshold = new ThresholdPath(9), ForMonths = 3, ProbabilityPerMonth = 0.5, CooldownMonths = 12,
                Then = new ExportControl("US", "CN", 1, Relative: true),
            },
            new ThresholdRule
            {
                Government = "CN", Metric = RuleMetric.PerceivedGap, Of = "CN", Behind = "US", Op = Comparison.Above,
                Threshold = new ThresholdPath(12, Month.Of(2020, 1), Month.Of(2030, 1), 0), ForMonths = 1, Once = true,
                Then = new Support("CN", new LogNormalDist(Math.Log(1.5), 0.2), Scale: true),
            },
        ],
    };
    }
}

/// <summary>
/// Every number a block holds for one member, for bit-for-bit comparisons: of its frontier histories, the months every world
/// holds whatever its block (the first chunk and the last month; a snapshot taken each month sees each month as the last).
/// </summary>
public static class Snapshot
{
    public static List<long> Of(BlockSimulation sim, int member)
    {
        var bits = new List<long>();
        void Add(double v) => bits.Add(BitConverter.DoubleToInt64Bits(v));
        foreach (var f in sim.Firms)
            foreach (var a in new[] { f.Funding, f.Budget, f.Installed, f.Utilised, f.ResearchStock, f.Algorithmic, f.Base,
                         f.Teacher, f.Candidate, f.Capability, f.Pending, f.LargestRunLogFlop, f.Patents, f.PatentsCumulative })
                Add(a[member]);
        foreach (var c in sim.Countries)
        {
            bits.Add(c.Tier[member]);
            foreach (var a in new[] { c.Support, c.Vouchers, c.Perceived, c.Adoption, c.Spend, c.ChipOutput, c.ChipEfficiency })
                Add(a[member]);
        }
        var w = sim.World;
        for (int ti = 0; ti < w.MonthsDone; ti++)
        {
            // The months every world holds, whatever its block: the first chunk and the last month (which others a
            // history still holds depends on the other members of its block).
            if (ti >= Model.State.MemberHistory.ChunkMonths && ti != w.MonthsDone - 1) continue;
            Add(w.WorldFrontier[ti, member]);
            foreach (var c in w.CountryFrontier) Add(c[ti, member]);
        }
        foreach (var g in w.Gaps.Capability) Add(g[member]);
        foreach (var g in w.FirmGap) Add(g[member]);
        // Markets (M3, M4): a block from 32 members sums them on vectors, a smaller one member by member.
        foreach (var r in w.View.Revenue) Add(r[member]);
        foreach (var market in w.Shares) foreach (var s in market) Add(s[member]);
        return bits;
    }

    /// <summary>Runs a block and records each member's snapshot after every month.</summary>
    public static List<long>[] Trace(WorldSpec spec, int first, int count)
    {
        var sim = new BlockSimulation(spec, first, count);
        var traces = Enumerable.Range(0, count).Select(_ => new List<long>()).ToArray();
        while (!sim.Done)
        {
            sim.Step();
            for (int m = 0; m < count; m++) traces[m].AddRange(Of(sim, m));
        }
        return traces;
    }
}
