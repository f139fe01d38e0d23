using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Bench;

/// <summary>
/// A synthetic world for throughput: by default baseline-sized, 20 firms (10 US, 10 CN), 7 countries,
/// 2014-01..2035-12, the historical kinds of events and two threshold rules, uncertain parameters.
/// Its numbers are for load, not for calibration.
/// </summary>
public static class BenchWorld
{
    /// <param name="firms">Half US, half CN (the baseline-sized world has 20). In each ten: US lab 3 publishes open weights and labs 0–2 sell abroad; CN labs 0, 3, 6 and 9 publish open weights.</param>
    public static WorldSpec Create(int firms = 20)
    {
        if (firms < 2 || firms % 2 != 0) throw new ArgumentOutOfRangeException(nameof(firms), "an even number of firms, at least 2");
        var start = Month.Of(2014, 1);
        FirmSpec Firm(string id, string country, double musd, bool open = false, bool abroad = false) => new()
        {
            Id = id, Country = country, OpenWeights = open, Publishes = open, OffersApiAbroad = abroad,
            Funding = new FundingSchedule(new Fixed(musd), start, [(start, new Fixed(2.0)), (Month.Of(2024, 1), new Fixed(1.4))]),
            InitialCompute = new Fixed(musd * 10), InitialResearchStock = new Fixed(musd * 5),
            Distillation = country == "CN" ? new BetaDist(4, 4) : new Fixed(0.05),
        };
        CountrySpec Country(string id) => new()
        {
            Id = id,
            Market = new MarketSpec { InitialAdoption = new Fixed(0.01), SpendPerAdopter = new Fixed(50), SpendGrowthPerYear = new Fixed(1.5) },
            PatentPropensity = new Fixed(0.5),
            ForeignApiAccess = new Fixed(id == "CN" ? 0.5 : 1),
            SmugglingBase = new BetaDist(2, 10),
            DomesticChips = id == "CN" ? new DomesticChipSpec { OutputPerMonth = new Fixed(2000), GrowthPerMonth = new Fixed(0.04) } : new(),
            Perception = id == "CN" ? new PerceptionSpec { Of = "CN", Behind = "US", Kappa = new Fixed(0.5) } : null,
        };
        string[] countries = ["US", "CN", "KR", "JP", "IN", "UK", "EU"];
        var labs = new List<FirmSpec>();
        int half = firms / 2;
        for (int i = 0; i < half; i++) labs.Add(Firm($"us-{i}", "US", 5 + 3 * (i % 10), open: i % 10 == 3, abroad: i % 10 < 3));
        for (int i = 0; i < half; i++) labs.Add(Firm($"cn-{i}", "CN", 2 + i % 10, open: i % 10 % 3 == 0));
        return new WorldSpec
        {
            Start = start,
            End = Month.Of(2035, 12),
            Seed = 2024,
            Parameters = new GlobalParameters()
                .With(ParameterCatalog.AlgorithmicHalvingMonths, LogNormalDist.FromMedianP95(8, 14))
                .With(ParameterCatalog.HardwareDoublingMonths, LogNormalDist.FromMedianP95(30, 40))
                .With(ParameterCatalog.DiffusionRatePerMonth, LogNormalDist.FromMedianP95(0.08, 0.2))
                .With(ParameterCatalog.DistillationLoss, new UniformDist(0, 0.2))
                .With(ParameterCatalog.CapabilityNoiseSd, new Fixed(0.02))
                .With(ParameterCatalog.BreakthroughRatePerMonth, new Fixed(0.01)),
            Countries = countries.Select(Country).ToList(),
            Firms = labs,
            Events =
            [
                new ScheduledEvent { Date = Month.Of(2022, 10), Country = new ExportControl("US", "CN", 1) },
                new ScheduledEvent { Date = Month.Of(2023, 8), Country = new Licensing("CN", true, 0.3, 3) },
                new ScheduledEvent { Date = Month.Of(2023, 11), Country = new ExportControl("US", "CN", 2) },
                new ScheduledEvent { Date = Month.Of(2024, 7), Country = new ApiBlock("us-0", "CN", new BetaDist(2, 6)) },
                new ScheduledEvent { Date = Month.Of(2025, 4), Country = new ExportControl("US", "CN", 3) },
            ],
            Rules =
            [
                new ThresholdRule
                {
                    Government = "US", Metric = RuleMetric.CapabilityGap, Of = "CN", Behind = "US", Op = Comparison.Below,
                    Threshold = new ThresholdPath(6), ForMonths = 3, ProbabilityPerMonth = 0.5, CooldownMonths = 12,
                    Then = new ExportControl("US", "CN", 1, Relative: true),
                },
                new ThresholdRule
                {
                    Government = "CN", Metric = RuleMetric.PerceivedGap, Of = "CN", Behind = "US", Op = Comparison.Above,
                    Threshold = new ThresholdPath(12, Month.Of(2017, 7), Month.Of(2030, 1), 0), Once = true,
                    Then = new Support("CN", new Fixed(50)),
                },
            ],
            GapPairs = countries.Where(c => c != "US").Select(c => new GapPair(c, "US")).ToList(),
        };
    }
}
