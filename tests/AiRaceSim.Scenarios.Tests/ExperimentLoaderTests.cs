using AiRaceSim.Experiments.Designs;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Experiments;

namespace AiRaceSim.Scenarios.Tests;

public class ExperimentLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("airace-experiment-").FullName;
    private static readonly string Baseline = Path.Combine(RepoPaths.Root(), "scenarios", "baseline.yaml");

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    private string Experiment(string factors, string design, string extra = "") => Write("e.yaml", $"""
        name: test
        scenario: {Baseline}
        factors:
        {factors}
        design:
        {design}
        {extra}
        """);

    [Fact]
    public void A_template_sets_a_number_a_distribution_and_a_firms_value_in_memory_and_leaves_its_base_alone()
    {
        var t = ScenarioTemplate.Load(Baseline, new ScenarioOverrides(Members: 1));
        var v = t.With([("parameters.algorithmic_halving_months", 9.5), ("parameters.capability_noise_sd", 0.03), ("firms.openai.funding.musd_per_month", 321)]);
        Assert.Equal(new Fixed(9.5), v.Spec.Parameters[ParameterCatalog.AlgorithmicHalvingMonths]);
        Assert.Equal(new Fixed(0.03), v.Spec.Parameters[ParameterCatalog.CapabilityNoiseSd]);
        Assert.Equal(new Fixed(321), v.Spec.Firms.Single(f => f.Id == "openai").Funding.Level);
        Assert.IsType<LogNormalDist>(t.Base.Spec.Parameters[ParameterCatalog.AlgorithmicHalvingMonths]);
        Assert.IsType<LogNormalDist>(t.Base.Spec.Firms.Single(f => f.Id == "openai").Funding.Level);
        // A second variant starts again from the files, not from the first variant.
        Assert.IsType<LogNormalDist>(t.With([("parameters.capability_noise_sd", 0.01)]).Spec.Parameters[ParameterCatalog.AlgorithmicHalvingMonths]);
        Assert.Equal(t.Base.Spec.Parameters[ParameterCatalog.AlgorithmicHalvingMonths], t.DistributionAt("parameters.algorithmic_halving_months"));
    }

    [Theory]
    [InlineData("parameters.algorithmic_halving_months", 9.5, "parameters.utilisation", 0.3)]
    [InlineData("firms.openai.funding.musd_per_month", 321, "countries.CN.domestic_chips.efficiency_ceiling", 0.4)]
    [InlineData("rules.us-tightens.cooldown_months", 6, "countries.CN.patents.propensity", 3.5)]
    public void A_variant_bound_in_part_is_the_scenario_bound_whole(string path1, double value1, string path2, double value2)
    {
        var t = ScenarioTemplate.Load(Baseline, new ScenarioOverrides(Members: 1));
        var part = t.With([(path1, value1), (path2, value2)]);
        var tree = typeof(ScenarioTemplate).GetField("_tree", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(t)!;
        // The same values set in the files' text, loaded as a file: the whole binder's answer.
        var whole = t.With([]);
        Assert.NotEqual(Describe(part.Spec), Describe(whole.Spec)); // the values change the spec, so the comparison below can fail
        var replaced = typeof(ScenarioTemplate).GetMethod("Replace", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        object patched = replaced.Invoke(null, [tree, path1.Split('.'), 0, value1])!;
        patched = replaced.Invoke(null, [patched, path2.Split('.'), 0, value2])!;
        var full = t.Rebind((Yaml.YMap)patched, whole: true);
        Assert.Equal(Describe(full.Spec), Describe(part.Spec));
        Assert.Equal(full.Outcomes, part.Outcomes);
    }

    /// <summary>Every public value reachable from an object, as text, lists element by element (records print only their top level).</summary>
    private static string Describe(object? o, int depth = 0)
    {
        if (o is null) return "null";
        var t = o.GetType();
        if (t.IsPrimitive || o is string or decimal or Enum || t.Namespace == "AiRaceSim.Model.Time") return Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture)!;
        if (depth > 12) return "…";
        if (o is GlobalParameters g) return string.Join(",", ParameterCatalog.All.Select(p => Describe(g[p], depth + 1)));
        if (o is System.Collections.IEnumerable e) return "[" + string.Join(",", e.Cast<object?>().Select(x => Describe(x, depth + 1))) + "]";
        return t.Name + "{" + string.Join(",", t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name + "=" + Describe(p.GetValue(o), depth + 1))) + "}";
    }

    [Fact]
    public void A_template_names_the_nearest_path_and_refuses_values_out_of_range()
    {
        var t = ScenarioTemplate.Load(Baseline, new ScenarioOverrides(Members: 1));
        Assert.Contains("did you mean 'parameters.algorithmic_halving_months'?", t.PathProblem("parameters.algorithmic_halving_month"));
        Assert.Contains("did you mean 'firms.openai'?", t.PathProblem("firms.openia.funding.musd_per_month"));
        Assert.Contains("not a number or a distribution", t.PathProblem("firms.openai.funding"));
        Assert.Null(t.PathProblem("countries.CN.patents.propensity"));
        var e = Assert.Throws<ScenarioException>(() => t.With([("parameters.diffusion_rate_per_month", 2)]));
        Assert.Contains("out of range", e.Errors[0].Message);
    }

    [Fact]
    public void An_experiment_file_resolves_its_factors_design_outcomes_and_analyses()
    {
        var e = ExperimentLoader.Load(Experiment("""
              - path: parameters.algorithmic_halving_months
              - { path: parameters.diffusion_rate_per_month, range: [0.04, 0.2] }
              - { path: countries.CN.patents.propensity, levels: [3, 4] }
            """, """
              kind: sobol
              n: 8
            """, """
            members: 2
            seed: 7
            outcomes:
              - { name: gap_2030, entity: CN-US, metric: capability_gap_months, at: 2030-01 }
              - { name: lead, entity: CN-US, metric: capability_gap_months, first_below: 0 }
            analyses:
              sobol: {}
              prim: { condition: "lead < 2031-01" }
            """));
        Assert.Equal(3, e.Factors.Count);
        Assert.IsType<QuantileScale>(e.Factors[0].Scale);
        Assert.Equal(new RangeScale(0.04, 0.2), e.Factors[1].Scale);
        Assert.Equal(8 * 5, e.Points);
        Assert.Equal(2, e.Members);
        Assert.Equal(7UL, e.Seed);
        Assert.Equal(["gap_2030"], e.Sobol!.Outcomes); // month outcomes are left out by default
        Assert.Equal(0.95, e.Sobol.Level);
        // 2031-01 is month 204 of a run from 2014-01.
        Assert.Equal(204, e.Prim!.Condition.Threshold);
        Assert.True(e.Prim.Condition.Holds(203));
        Assert.False(e.Prim.Condition.Holds(204));
        Assert.Equal(4.0, e.Factors[2].Scale.ValueAt(0.99));
        // The scenario's own lognormal at its central 99.8 %: the median at u = ½.
        Assert.Equal(8, e.Factors[0].Scale.ValueAt(0.5), 9);
    }

    [Theory]
    [InlineData("  - path: parameters.algorithmic_halving_month", "  kind: lhs\n  n: 4", "e.yaml:4:11: the scenario has no 'parameters.algorithmic_halving_month'; did you mean 'parameters.algorithmic_halving_months'?")]
    [InlineData("  - { path: parameters.capability_noise_sd }", "  kind: lhs\n  n: 4", "e.yaml:4:5: factor 'parameters.capability_noise_sd' gives neither range nor levels, and the scenario sets it to the number 0.02")]
    [InlineData("  - { path: parameters.diffusion_rate_per_month, range: [0.5, 2] }", "  kind: lhs\n  n: 4", "e.yaml:4:5: factor 'parameters.diffusion_rate_per_month' at 2: the scenario refuses it")]
    [InlineData("  - { path: parameters.capability_noise_sd, levels: [0.01] }\nname2: x", "  kind: lhs\n  n: 4", "e.yaml:5:1: unknown key 'name2'")]
    [InlineData("  - { path: parameters.capability_noise_sd, range: [0.01, 0.03] }\n  - { path: parameters.breakthrough_rate_per_month, range: [0.005, 0.02] }\n  - { path: parameters.price_performance_at_2023, range: [20, 24] }\n  - { path: parameters.distillation_loss, range: [0, 0.2] }\n  - { path: parameters.compute_depreciation_per_month, range: [0.01, 0.02] }\n  - { path: parameters.research_returns, range: [0, 0.06] }\n  - { path: parameters.fine_tune_loss, range: [0.05, 0.15] }", "  kind: factorial\n  levels: 1000", "e.yaml:12:3: the experiment asks for 1,000,000,000,000,000,000,000 design points")]
    [InlineData("  - { path: rules.us-tightens.cooldown_months, range: [6, 18] }", "  kind: lhs\n  n: 4", "e.yaml:4:5: factor 'rules.us-tightens.cooldown_months' at 9.8")]
    [InlineData("  - path: parameters.utilisation\n  - path: parameters.utilisation.a", "  kind: lhs\n  n: 4", "e.yaml:4:11: factors 'parameters.utilisation' and 'parameters.utilisation.a' overlap")]
    [InlineData("  - { path: parameters.capability_noise_sd, range: [0.03, 0.01] }", "  kind: lhs\n  n: 4", "e.yaml:4:52: range of 'parameters.capability_noise_sd' must be [low, high] with low < high")]
    [InlineData("  - { path: parameters.capability_noise_sd, levels: [0.01] }", "  kind: sobl\n  n: 4", "e.yaml:6:9: unknown design kind 'sobl'")]
    [InlineData("  - { path: parameters.capability_noise_sd, levels: [0.01] }", "  kind: lhs", "e.yaml:6:3: design kind lhs needs n")]
    [InlineData("  - { path: parameters.capability_noise_sd, levels: [0.01] }", "  kind: morris\n  levels: 3", "e.yaml:7:11: a morris grid needs an even number of levels")]
    [InlineData("  - { path: parameters.capability_noise_sd, levels: [0.01] }", "  kind: lhs\n  n: 4\n  trajectories: 3", "e.yaml:8:17: design kind lhs does not use trajectories")]
    public void A_bad_experiment_file_is_refused_at_the_line_and_column_of_the_problem(string factors, string design, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ExperimentLoader.Load(Experiment(factors, design)));
        Assert.StartsWith(expected, e.Lines[0].Replace(_dir + Path.DirectorySeparatorChar, ""));
    }

    [Fact]
    public void An_analysis_needs_its_design_and_known_outcomes()
    {
        var e = Assert.Throws<ScenarioException>(() => ExperimentLoader.Load(Experiment(
            "  - { path: parameters.capability_noise_sd, range: [0.01, 0.03] }", "  kind: lhs\n  n: 4",
            "analyses:\n  morris: { outcomes: [gap_at_end] }\n  prim: { condition: \"gap_CN_US_at_ned > 3\" }")));
        Assert.Contains(e.Lines, l => l.Contains("the morris analysis needs design kind morris, and the design is lhs"));
        Assert.Contains(e.Lines, l => l.Contains("unknown outcome 'gap_at_end'"));
        Assert.Contains(e.Lines, l => l.Contains("unknown outcome 'gap_CN_US_at_ned'; did you mean 'gap_CN_US_at_end'?"));
    }

    [Fact]
    public void Pairs_name_scenarios_that_load_and_outcomes_that_exist()
    {
        var e = Assert.Throws<ScenarioException>(() => ExperimentLoader.Load(Experiment(
            "  - { path: parameters.capability_noise_sd, range: [0.01, 0.03] }", "  kind: lhs\n  n: 4",
            $"analyses:\n  pairs: {{ a: missing.yaml, b: {Baseline}, outcomes: [gap_CN_US_at_ned] }}")));
        Assert.Contains(e.Lines, l => l.Contains("e.yaml:9:15: pairs.a: scenario '") && l.Contains("missing.yaml' does not load: ") && l.Contains("cannot read the file: no such file"));
        Assert.Contains(e.Lines, l => l.Contains("unknown outcome 'gap_CN_US_at_ned'"));
        // A pair scenario with a seed of its own runs on the experiment's (here the base scenario's, the file giving none).
        var reseeded = Write("reseeded.yaml", $"extends: {Path.Combine(RepoPaths.Root(), "scenarios", "what-if", "no-api-block.yaml")}\nname: reseeded\nseed: 5\n");
        var ok = ExperimentLoader.Load(Experiment("  - { path: parameters.capability_noise_sd, range: [0.01, 0.03] }", "  kind: lhs\n  n: 4",
            $"analyses:\n  pairs: {{ a: {reseeded}, b: {Baseline} }}"));
        Assert.NotEqual(5UL, ok.Seed);
        // The default: every value outcome of the scenario's default set (each measured gap's end and largest), no months.
        Assert.Equal(["gap_CN_US_at_end", "largest_gap_CN_US_from_now"], ok.Pairs!.Outcomes.Take(2));
        Assert.DoesNotContain(ok.Pairs.Outcomes, n => n.StartsWith("first_lead", StringComparison.Ordinal));
        Assert.Equal(ok.Outcomes.Count(o => !o.IsMonth), ok.Pairs.Outcomes.Count);
        Assert.Equal(ok.Seed, ok.Pairs.A.Spec.Seed);
        Assert.Equal(ok.Seed, ok.Pairs.B.Spec.Seed);
        Assert.Equal(ok.Seed, ok.Scenario.Base.Spec.Seed);
        Assert.Equal(1, ok.Pairs.B.Members);
    }
}
