using System.Reflection;
using AiRaceSim.Calibration;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli.Tests;

/// <summary>The targets file's bounds and levers sections, their errors, the rule-firing replay, and calibrate end to end.</summary>
[Collection(CliCollection.Name)]
public sealed class CalibrationFileTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Scenarios(string file) => Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", file);

    private const string OneTarget = """
        targets:
          - { id: T, what: w, observed: o, source: s, series: { entity: CN-US, metric: capability_gap_months }, statistic: at, from: 2023-12, range: [0, 20] }

        """;

    private ScenarioException Bad(string text)
    {
        var path = _cli.PathIn($"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return Assert.Throws<ScenarioException>(() => TargetFile.LoadAll(path));
    }

    [Fact]
    public void The_repositorys_targets_file_holds_T1_to_T11_B1_to_B4_and_L1_to_L6()
    {
        var file = TargetFile.LoadAll(Scenarios("targets.yaml"));
        foreach (var id in new[] { "T1", "T7-US-2020", "T7-CN-2023", "T7-US-pre2020", "T7-US-growth", "T7-US-ahead", "T8", "T9-US", "T9-CN", "T10", "T11" })
            Assert.Contains(file.Targets, t => t.Id == id);
        Assert.Equal(["B1", "B2", "B3", "B4"], file.Bounds.Select(b => b.Id));
        Assert.Equal(["L1", "L2", "L3", "L4", "L5", "L6"], file.Levers.Select(l => l.Id));
        Assert.All(file.Levers, l => Assert.True(File.Exists(l.ScenarioPath), l.ScenarioPath));
        var t8 = file.Targets.Single(t => t.Id == "T8");
        Assert.Equal(Statistic.FirstMonthAtOrAbove, t8.Statistic);
        Assert.Equal(0.7, t8.Share!.Least);
    }

    [Fact]
    public void Errors_in_bounds_and_levers_name_the_file_line_and_column()
    {
        var e = Bad(OneTarget + """
            bounds:
              - { id: B1, what: w, source: s, check: largest }
              - { id: B2, what: w, source: s, check: max, metric: m, entities: [world] }
            levers:
              - { id: L1, what: w, scenario: x.yaml, series: { entity: CN-US, metric: capability_gap_months }, at: 2030-01, expect: sideways }
            """);
        var lines = e.Lines.ToList();
        Assert.Contains(lines, l => l.Contains(":4:42:") && l.Contains("unknown check 'largest'"));
        Assert.Contains(lines, l => l.Contains(":5:5:") && l.Contains("needs 'at_most'"));
        Assert.Contains(lines, l => l.Contains(":7:121:") && l.Contains("expect is 'narrows' or 'widens'"));
    }

    [Fact]
    public void A_step_bound_with_more_exceptions_than_it_allows_is_an_error()
    {
        var e = Bad(OneTarget + """
            bounds:
              - id: B3
                what: w
                source: s
                check: steps
                series: { entity: CN-US, metric: capability_gap_months }
                from: 2016-01
                at_most: 1.5
                never_above: 6
                exceptions_at_most: 1
                exceptions:
                  - { month: 2023-02, event: llama, cause: LLaMA }
                  - { month: 2023-08, event: qwen-open, cause: Qwen }
            """);
        Assert.Contains(e.Lines, l => l.Contains(":14:7:") && l.Contains("2 exceptions listed, but exceptions_at_most is 1"));
    }

    [Fact]
    public void A_month_valued_target_reads_its_range_as_months_and_says_where_one_is_not()
    {
        var e = Bad("""
            targets:
              - { id: T8, what: w, observed: o, source: s, series: { entity: CN, metric: open_capability }, versus: { entity: US, metric: open_capability }, statistic: first_month_at_or_above, from: 2014-01, to: 2035-12, range: [2023-10, 24] }
            """);
        Assert.Contains(e.Lines, l => l.Contains(":2:227:") && l.Contains("expected a month like 2024-07"));
        Assert.Single(e.Lines);
    }

    [Fact]
    public void The_rule_firing_replay_matches_the_kernels_own_rule_memory()
    {
        // The kernel keeps each rule's memory privately; read it here to hold the replay (B4) to it.
        var scenario = ScenarioLoader.Load(Scenarios("what-if/reactive-us.yaml"), new ScenarioOverrides(Members: 6));
        var spec = scenario.Spec;
        var series = TargetRun.Run(spec, RuleFirings.Needs(spec).ToList(), 6, 6);
        var firings = RuleFirings.Before(spec, series, spec.End + 1);
        var sim = new BlockSimulation(spec, 0, 6);
        sim.Run();
        var memory = (RuleState[][])typeof(BlockSimulation).GetField("_rules", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(sim)!;
        int checkedRules = 0;
        for (int c = 0; c < sim.Countries.Length; c++)
        {
            var own = spec.Rules.Where(r => r.Government == sim.Countries[c].Id).ToList();
            for (int i = 0; i < own.Count; i++, checkedRules++)
                for (int m = 0; m < 6; m++)
                {
                    var mine = firings.Where(f => f.Rule == own[i].Name && f.Member == m).ToList();
                    Assert.Equal(memory[c][i].Fired[m], mine.Count > 0);
                    if (mine.Count > 0) Assert.Equal(memory[c][i].LastFired[m], mine.Max(f => f.Month) - spec.Start);
                }
        }
        Assert.Equal(spec.Rules.Count, checkedRules);
        Assert.True(firings.Count > 6, "the reactive US should fire often");
    }

    [Fact]
    public async Task Calibrate_with_levers_prints_every_target_bound_and_lever()
    {
        var (code, stdout, stderr) = await _cli.Run("calibrate", Scenarios("baseline.yaml"), "--members", "10", "--levers");
        Assert.True(code is 0 or 1, stderr);
        var file = TargetFile.LoadAll(Scenarios("targets.yaml"));
        foreach (var id in file.Targets.Select(t => t.Id).Concat(file.Bounds.Select(b => b.Id)).Concat(file.Levers.Select(l => l.Id)))
            Assert.Contains($"| {id}: ", stdout);
        Assert.Contains($"of {file.Targets.Count} targets pass.", stdout);
        Assert.Contains("of 4 bounds hold.", stdout);
        Assert.Contains("of 6 levers pass.", stdout);
        Assert.Equal(code == 0, !stdout.Contains("not met: "));
    }

    [Fact]
    public async Task Levers_with_fit_are_refused_and_a_what_if_that_does_not_extend_the_baseline_fails_its_lever()
    {
        var refused = await _cli.Run("calibrate", Scenarios("baseline.yaml"), "--levers", "--fit", "parameters.beta");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--levers with --fit", refused.Err);

        var lone = _cli.PathIn("lone.yaml");
        File.WriteAllText(lone, File.ReadAllText("scenarios/small.yaml").Replace("seed: 11", "seed: 12"));
        var targets = _cli.PathIn("targets.yaml");
        File.WriteAllText(targets, """
            targets:
              - { id: T, what: w, observed: o, source: s, series: { entity: CN, metric: patents_cumulative }, statistic: at, from: 2023-12, range: [-.inf, .inf] }
            levers:
              - { id: L-lone, what: w, scenario: lone.yaml, series: { entity: CN, metric: patents_cumulative }, at: 2023-12, expect: widens }
            """);
        var (code, stdout, stderr) = await _cli.Run("calibrate", "scenarios/small.yaml", "--targets", targets, "--members", "4", "--levers");
        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("lever L-lone not judged: 'small-test' does not extend small.yaml", stdout);
        Assert.Contains("not met: L-lone", stdout);
    }
}
