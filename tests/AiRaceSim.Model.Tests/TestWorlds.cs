using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

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
        Parameters = new GlobalParameters
        {
            AlgorithmicHalvingMonths = LogNormalDist.FromMedianP95(8, 14),
            DiffusionRatePerMonth = LogNormalDist.FromMedianP95(0.08, 0.2),
            DistillationLoss = new UniformDist(0, 0.2),
            CapabilityNoiseSd = new Fixed(0.02),
            BreakthroughRatePerMonth = new Fixed(0.02),
        },
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
}
