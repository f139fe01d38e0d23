using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>`airace experiment` end to end on the small scenario: its files, their agreement with plain runs, and block-size invariance.</summary>
[Collection(CliCollection.Name)]
public sealed class ExperimentCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static readonly string Small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");

    public void Dispose() => _cli.Dispose();

    private string Experiment(int block, string design = "  kind: morris\n  trajectories: 3", string analyses = "  morris: {}\n  prim: { condition: \"gap_2022 < 100\" }") =>
        Write(_cli.PathIn($"experiment-{block}.yaml"), block, design, analyses);

    /// <summary>A Morris (and PRIM) experiment of two factors on the small scenario, 3 members in blocks of <paramref name="block"/>.</summary>
    internal static string Write(string path, int block, string design = "  kind: morris\n  trajectories: 3", string analyses = "  morris: {}\n  prim: { condition: \"gap_2022 < 100\" }")
    {
        File.WriteAllText(path, $"""
            name: small-experiment
            scenario: {Small}
            seed: 3
            members: 3
            block: {block}
            factors:
              - path: parameters.algorithmic_halving_months
              - {"{"} path: parameters.capability_noise_sd, range: [0.01, 0.04] {"}"}
            design:
            {design}
            outcomes:
              - {"{"} name: gap_2022, entity: CN-US, metric: capability_gap_months, at: 2022-01 {"}"}
            analyses:
            {analyses}
            """);
        return path;
    }

    [Fact]
    public async Task An_experiment_gives_the_same_bytes_in_blocks_of_one_and_of_three_and_its_outcomes_are_those_of_a_plain_run()
    {
        var outs = new List<string>();
        foreach (int block in new[] { 1, 3 })
        {
            var dir = _cli.PathIn($"out-{block}");
            var (code, stdout, stderr) = await _cli.Run("experiment", Experiment(block), "--out", dir);
            Assert.True(code == 0, stderr);
            Assert.Contains("morris elementary effects of gap_2022", stdout);
            outs.Add(dir);
        }
        foreach (var file in new[] { "design.csv", "outcomes.csv", "morris.csv", "prim-trajectory.csv", "prim-box.csv",
            "charts/morris-gap_2022.svg", "charts/prim-tradeoff.svg", "charts/prim-box.svg", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(outs[0], file)), File.ReadAllBytes(Path.Combine(outs[1], file)));

        var html = File.ReadAllText(Path.Combine(outs[0], "report.html"));
        Assert.Contains("Morris elementary effects of gap_2022", html);
        Assert.Contains("Scenario discovery (PRIM): where gap_2022 &lt; 100", html);
        Assert.Equal(3, html.Split("<svg xmlns").Length - 1); // morris, the PRIM trade-off and its box
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", ""));
        Assert.Contains("charts/prim-tradeoff.png", File.ReadAllText(Path.Combine(outs[0], "manifest.json")));

        // 3 trajectories × (2 factors + 1) points × 3 members.
        var design = File.ReadAllLines(Path.Combine(outs[0], "design.csv"));
        Assert.Equal("point,member,parameters.algorithmic_halving_months,parameters.capability_noise_sd", design[0]);
        Assert.Equal(1 + 9 * 3, design.Length);
        var outcomes = File.ReadAllLines(Path.Combine(outs[0], "outcomes.csv"));
        Assert.Equal("point,member,gap_2022", outcomes[0]);

        // Point 4 run as a plain scenario with its factor values and the same seed: the same outcomes member by member.
        var row = design[1 + 4 * 3].Split(',');
        var scenario = _cli.PathIn("point4.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Small)
            .Replace("algorithmic_halving_months: { dist: lognormal, median: 8, p95: 14 }", "algorithmic_halving_months: " + row[2])
            .Replace("capability_noise_sd: 0.02", "capability_noise_sd: " + row[3]) + """
            outcomes:
              - { name: gap_2022, entity: CN-US, metric: capability_gap_months, at: 2022-01 }
            """);
        var plain = _cli.PathIn("plain");
        var (c2, _, e2) = await _cli.Run("run", scenario, "--seed", "3", "--no-report", "--format", "none", "--out", plain);
        Assert.True(c2 == 0, e2);
        var expected = File.ReadAllLines(Path.Combine(plain, "outcomes.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        var got = outcomes.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == "4").Select(r => r[2]).ToList();
        Assert.Equal(expected, got);
        Assert.Equal(3, got.Count);
        Assert.All(got, v => double.Parse(v, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_experiment_file_exits_2_with_its_position_and_writes_nothing()
    {
        var path = Experiment(1, design: "  kind: sobol");
        var dir = _cli.PathIn("never");
        var (code, _, stderr) = await _cli.Run("experiment", path, "--out", dir);
        Assert.Equal(2, code);
        Assert.True(stderr.Contains("experiment-1.yaml:10:3: design kind sobol needs n"), stderr);
        Assert.Contains("the morris analysis needs design kind morris, and the design is sobol", stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_design_point_whose_combination_the_scenario_refuses_is_named_with_its_values_and_nothing_is_written()
    {
        // Each factor alone is valid at its extremes; together a median above the p95 is not.
        var path = _cli.PathIn("combination.yaml");
        File.WriteAllText(path, $"""
            name: combination
            scenario: {Small}
            factors:
              - {"{"} path: parameters.algorithmic_halving_months.median, range: [6, 12] {"}"}
              - {"{"} path: parameters.algorithmic_halving_months.p95, range: [10, 16] {"}"}
            design:
              kind: lhs
              n: 40
            outcomes:
              - {"{"} name: gap_2022, entity: CN-US, metric: capability_gap_months, at: 2022-01 {"}"}
            """);
        var dir = _cli.PathIn("never");
        var (code, _, stderr) = await _cli.Run("experiment", path, "--out", dir);
        Assert.Equal(2, code);
        var line = stderr.Split('\n').Single(l => l.Contains(": design point "));
        Assert.Contains("combination.yaml:4:3: design point ", line);
        Assert.Contains("parameters.algorithmic_halving_months.median = ", line);
        Assert.Contains("is refused by the scenario", line);
        Assert.Contains("nothing was written", stderr);
        Assert.False(Directory.Exists(dir));
        // The point named is the first refused one: the same in a second run.
        var (_, _, again) = await _cli.Run("experiment", path, "--out", dir);
        Assert.Equal(line, again.Split('\n').Single(l => l.Contains(": design point ")));
    }

    [Fact]
    public async Task Pairs_compare_two_scenarios_member_by_member_as_plain_runs_on_the_experiments_seed_say()
    {
        var noisier = _cli.PathIn("noisier.yaml");
        File.WriteAllText(noisier, File.ReadAllText(Small).Replace("name: small-test", "name: noisier").Replace("capability_noise_sd: 0.02", "capability_noise_sd: 0.2"));
        var path = Experiment(2, analyses: $"  pairs: {{ a: {noisier}, b: {Small} }}");
        var dir = _cli.PathIn("pairs-out");
        var (code, stdout, stderr) = await _cli.Run("experiment", path, "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("pairs: noisier − small-test, gap_2022, 3 members", stdout);
        // The same two scenarios as plain runs on the experiment's seed (3) and members (3).
        var gaps = new List<double[]>();
        foreach (var (file, name) in new[] { (noisier, "a"), (Small, "b") })
        {
            var scenario = _cli.PathIn(name + ".yaml");
            File.WriteAllText(scenario, File.ReadAllText(file) + "outcomes:\n  - { name: g, entity: CN-US, metric: capability_gap_months, at: 2022-01 }\n");
            var plain = _cli.PathIn(name + "-plain");
            var (c, _, err) = await _cli.Run("run", scenario, "--members", "3", "--seed", "3", "--no-report", "--format", "none", "--out", plain);
            Assert.True(c == 0, err);
            gaps.Add(File.ReadAllLines(Path.Combine(plain, "outcomes.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray());
        }
        var differences = gaps[0].Zip(gaps[1], (x, y) => x - y).Order().ToArray();
        Assert.Contains(differences, d => Math.Abs(d) > 0.01);
        var header = File.ReadLines(Path.Combine(dir, "pairs.csv")).First().Split(',');
        var row = File.ReadLines(Path.Combine(dir, "pairs.csv")).Skip(1).Single().Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("gap_2022", Cell("outcome"));
        Assert.Equal("3", Cell("members"));
        Assert.Equal(differences[1], double.Parse(Cell("median_difference"), CultureInfo.InvariantCulture), 12); // three members: the second
        Assert.Equal(differences.Count(d => d < 0) / 3.0, double.Parse(Cell("share_a_lower"), CultureInfo.InvariantCulture), 12);
        Assert.Equal(gaps[0].Order().ElementAt(1) - gaps[1].Order().ElementAt(1), double.Parse(Cell("median_minus_median"), CultureInfo.InvariantCulture), 12);
        Assert.True(File.Exists(Path.Combine(dir, "charts", "pairs-gap_2022.svg")));
        Assert.Contains("noisier against small-test: gap_2022", File.ReadAllText(Path.Combine(dir, "report.html")));
    }
}
