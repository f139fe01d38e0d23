using System.Security.Cryptography;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>good/full-example.yaml, the example of docs/SCENARIOS.md, binds to the kernel values it says.</summary>
public class FullExampleTests
{
    private static LoadedScenario Load()
    {
        RepoPaths.UseOutputFolder();
        return ScenarioLoader.Load("good/full-example.yaml");
    }

    private static Month M(string s) => Month.Parse(s);

    [Fact]
    public void Top_level_values()
    {
        var s = Load();
        Assert.Equal("teaching-open-weights", s.Name);
        Assert.StartsWith("One US frontier lab", s.Description);
        Assert.Equal(M("2020-01"), s.Spec.Start);
        Assert.Equal(M("2030-12"), s.Spec.End);
        Assert.Equal(M("2025-06"), s.Now);
        Assert.Equal(7UL, s.Spec.Seed);
        Assert.False(s.Spec.Deterministic);
        Assert.Equal(200, s.Members);
        Assert.Equal(50, s.BlockSize);
        Assert.Equal(["capability", "capability_gap_months", "compute_gap_months", "compute_installed", "patents"], s.Metrics);
        Assert.Null(s.Entities);
        Assert.Same(WorldSpec.DefaultTiers, s.Spec.ExportTiers);
        Assert.Equal([new GapPair("CN", "US")], s.Spec.GapPairs);
        var file = Assert.Single(s.Files);
        Assert.Equal("good/full-example.yaml", file.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes("good/full-example.yaml"))), file.Sha256);
    }

    [Fact]
    public void Parameters_given_replace_the_defaults_and_the_rest_stay()
    {
        var p = Load().Spec.Parameters;
        var d = new GlobalParameters();
        Assert.Equal(LogNormalDist.FromMedianP95(8, 14), p[ParameterCatalog.AlgorithmicHalvingMonths]);
        Assert.Equal(new Fixed(30), p[ParameterCatalog.HardwareDoublingMonths]);
        Assert.Equal(LogNormalDist.FromMedianP95(0.08, 0.2), p[ParameterCatalog.DiffusionRatePerMonth]);
        Assert.Equal(new UniformDist(0, 0.2), p[ParameterCatalog.DistillationLoss]);
        Assert.Equal(3, p.PublicationLagMonths);
        Assert.Equal(d[ParameterCatalog.Utilisation], p[ParameterCatalog.Utilisation]);
        Assert.Equal(d[ParameterCatalog.BreakthroughSize], p[ParameterCatalog.BreakthroughSize]);
    }

    [Fact]
    public void Countries_bind_markets_chips_perception_history_and_licensing()
    {
        var s = Load().Spec;
        Assert.Equal(["US", "CN"], s.Countries.Select(c => c.Id));
        var us = s.Countries[0];
        var cn = s.Countries[1];
        Assert.Equal(new Fixed(0.02), us.Market.SpendPerAdopter);
        Assert.Equal(new Fixed(0.004), us.Market.InnovationP);
        Assert.Equal(new Fixed(0.9), us.PatentPropensity);
        Assert.Equal(new Fixed(1), us.ForeignApiAccess);
        Assert.Null(us.Perception);
        Assert.Equal(new Fixed(0.95), cn.Market.Potential);
        Assert.Equal(LogNormalDist.FromMedianP95(4, 8), cn.PatentSubsidy);
        Assert.Equal(new Fixed(0.6), cn.PatentQuality);
        Assert.Equal(new Fixed(0.5), cn.ForeignApiAccess);
        Assert.Equal(new BetaDist(2, 10), cn.SmugglingBase);
        Assert.Equal(new Fixed(4000), cn.DomesticChips.OutputPerMonth);
        Assert.Equal(new UniformDist(0.3, 0.45), cn.DomesticChips.EfficiencyCeiling);
        Assert.Equal(new DomesticChipSpec().LearningChips, cn.DomesticChips.LearningChips);
        Assert.Equal(new PerceptionSpec { Of = "CN", Behind = "US", Kappa = new Fixed(0.5) }, cn.Perception);
        Assert.Equal([(M("2018-01"), 24.1), (M("2019-06"), 24.6)], cn.HistoryBeforeStart);
    }

    [Fact]
    public void Firms_bind_entry_funding_shares_and_schedules()
    {
        var firms = Load().Spec.Firms;
        Assert.Equal(["frontier-lab", "open-lab", "entrant"], firms.Select(f => f.Id));
        var frontier = firms[0];
        Assert.True(frontier.OffersApiAbroad);
        Assert.True(frontier.ServesApi);
        Assert.Null(frontier.Entry);
        Assert.Equal(new Fixed(150), frontier.Funding.Level);
        Assert.Equal(M("2023-01"), frontier.Funding.At);
        Assert.Equal([(M("2020-01"), (Distribution)new Fixed(3.0)), (M("2024-01"), new Fixed(1.9))], frontier.Funding.Growth);
        Assert.Equal(0.4, frontier.FrontierRunShare.At(M("2021-01")));
        Assert.Equal(new Fixed(500), frontier.InitialCompute);

        var open = firms[1];
        Assert.True(open.OpenWeights);
        Assert.True(open.Publishes);
        Assert.Equal(0.04, open.FrontierRunShare.At(M("2023-12")));
        Assert.Equal(0.4, open.FrontierRunShare.At(M("2024-01")));

        var entrant = firms[2];
        Assert.Equal(M("2023-03"), entrant.Entry);
        Assert.Equal(new FrontierAt(M("2020-09")), entrant.EntryCapability);
        Assert.Equal(M("2023-03"), entrant.Funding.At);
        Assert.Equal([(M("2023-03"), (Distribution)new Fixed(2.0))], entrant.Funding.Growth);
        Assert.Equal(new BetaDist(4, 4), entrant.Distillation);
        Assert.Equal(new Fixed(0.5), entrant.ComputeShare);
        Assert.Equal(new Fixed(0.4), entrant.ResearchShare);
        Assert.Equal(new AiRaceSim.Model.Random.Fixed(3), entrant.RunMonths);
        Assert.True(entrant.UsesOpenModels);
    }

    [Fact]
    public void Events_in_order_with_the_licensing_shorthand_first()
    {
        var events = Load().Spec.Events;
        Assert.Equal(8, events.Count);
        Assert.Equal(new ScheduledEvent { Date = M("2023-08"), Country = new Licensing("CN", true, 0.35, 3), Name = "licensing:CN" }, events[0]);
        // An event without an id is named by its date and place among that date's events.
        Assert.Equal(new ScheduledEvent { Date = M("2022-10"), Country = new ExportControl("US", "CN", 1), Name = "2022-10#1" }, events[1]);
        Assert.Equal("bis-2023-11", events[2].Name);
        Assert.Equal(new ApiBlock("frontier-lab", "CN", new BetaDist(2, 6)), events[3].Country);
        Assert.Equal("openai-block", events[3].Name);
        Assert.Equal(new ChipFund("CN", new Fixed(400)), events[4].Country);
        Assert.Equal(new Vouchers("CN", new UniformDist(0.2, 0.5)), events[5].Country);
        Assert.Equal(new FundingScale("entrant", new Fixed(1.5)), events[6].Firm);
        Assert.Equal(new Enforcement("CN", new Fixed(0.5), Relative: true), events[7].Country);
        Assert.Equal("diffusion-rule", events[7].Name);
    }

    [Fact]
    public void Rules_bind_thresholds_paths_and_actions()
    {
        var rules = Load().Spec.Rules;
        Assert.Equal(2, rules.Count);
        var us = rules[0];
        Assert.Equal("us-tightens", us.Name);
        Assert.Equal("US", us.Government);
        Assert.Equal(RuleMetric.CapabilityGap, us.Metric);
        Assert.Equal(("CN", "US"), (us.Of, us.Behind));
        Assert.Equal(Comparison.Below, us.Op);
        Assert.Equal(new ThresholdPath(6), us.Threshold);
        Assert.Equal(3, us.ForMonths);
        Assert.Equal(0.5, us.ProbabilityPerMonth);
        Assert.True(us.Once);
        Assert.Equal(new ExportControl("US", "CN", 1, Relative: true), us.Then);

        var cn = rules[1];
        Assert.Equal(RuleMetric.PerceivedGap, cn.Metric);
        Assert.Equal(Comparison.Above, cn.Op);
        Assert.Equal(new ThresholdPath(24, M("2021-01"), M("2030-01"), 0), cn.Threshold);
        Assert.Equal(12, cn.CooldownMonths);
        Assert.Equal(1, cn.ProbabilityPerMonth);
        Assert.Equal(new Support("CN", new Fixed(1.25), Scale: true), cn.Then);
    }

    [Fact]
    public void The_loaded_scenario_runs_in_the_kernel()
    {
        var full = Load().Spec;
        var spec = full with { End = M("2024-12"), Events = full.Events.Where(e => e.Date <= M("2024-12")).ToList() };
        var sim = new AiRaceSim.Model.Simulation.BlockSimulation(spec, 0, 4);
        var cn = sim.Countries[spec.CountryIndex("CN")];
        var entrant = sim.Firms.Single(f => f.Spec.Id == "entrant");
        while (!sim.Done)
        {
            var t = sim.Next;
            sim.Step();
            // The file's entry (2023-03) and vouchers (2024-12, uniform 0.2..0.5) act from their months, in every member.
            Assert.Equal(t >= M("2023-03"), entrant.Active);
            for (int m = 0; m < 4; m++)
                if (t < M("2024-12")) Assert.Equal(0, cn.Vouchers[m]);
                else Assert.InRange(cn.Vouchers[m], 0.2, 0.5);
        }
        Assert.Equal(spec.Months, sim.World.MonthsDone);
        Assert.All(entrant.Capability, k => Assert.True(double.IsFinite(k)));
    }
}
