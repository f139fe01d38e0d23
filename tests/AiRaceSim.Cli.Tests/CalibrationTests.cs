using System.Globalization;
using System.Text.RegularExpressions;

namespace AiRaceSim.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class CalibrationTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Scenarios(string file) => Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", file);

    [Fact]
    public async Task The_baseline_passes_every_target_bound_and_lever()
    {
        // The acceptance check of model v2 (200 members in docs/CALIBRATION.md) with fewer members:
        // T1–T11, the bounds B1–B4 and, with --levers, L1–L6 on common random numbers.
        var (code, stdout, stderr) = await _cli.Run("calibrate", Scenarios("baseline.yaml"), "--members", "100", "--levers");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("34 of 34 targets pass.", stdout);
        Assert.Contains("4 of 4 bounds hold.", stdout);
        Assert.Contains("6 of 6 levers pass.", stdout);
        foreach (var id in new[] { "T1", "T2-mean", "T3-CN", "T4-CN", "T5-CN", "T6-US", "T7-US-2023", "T8", "T9-CN", "T10", "T11", "B1", "B2", "B3", "B4", "L1", "L6" })
            Assert.Contains($"| {id}: ", stdout);
    }

    [Fact]
    public async Task A_missed_target_makes_calibrate_exit_1()
    {
        var targets = _cli.PathIn("targets.yaml");
        File.WriteAllText(targets, """
            targets:
              - { id: impossible, what: CN 50 years ahead, observed: none, source: a test, series: { entity: CN-US, metric: capability_gap_months }, statistic: at, from: 2023-12, range: [-700, -600] }
            """);
        var (code, stdout, _) = await _cli.Run("calibrate", "scenarios/small.yaml", "--targets", targets);
        Assert.Equal(1, code);
        Assert.Contains("0 of 1 targets pass.", stdout);
        Assert.Contains("MISS", stdout);
    }

    [Fact]
    public async Task Fit_moves_a_parameter_to_meet_a_target_and_writes_an_overlay_that_extends_the_input()
    {
        // Patents are proportional to the propensity (P1), so doubling the deterministic count needs
        // twice the propensity: the fit must land near 2 (the scenario has 1.0).
        var scenario = _cli.PathIn("det.yaml");
        File.WriteAllText(scenario, File.ReadAllText("scenarios/small.yaml").Replace("seed: 11", "seed: 11\ndeterministic: true"));
        var baseline = await _cli.Run("calibrate", scenario, "--targets", Targets(0, 1e12), "--members", "1");
        double patents = double.Parse(Regex.Match(baseline.Out, @"\| patents: .*?\|.*?\|\s*([0-9,.]+)\s*\|").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        var targets = Targets(2 * patents * 0.99, 2 * patents * 1.01);
        var overlay = _cli.PathIn("fitted.yaml");
        var (code, stdout, stderr) = await _cli.Run("calibrate", scenario, "--targets", targets, "--members", "1",
            "--fit", "countries.CN.patents.propensity", "--out", overlay, "--max-iterations", "80");
        Assert.True(code == 0, stdout + stderr);
        var text = File.ReadAllText(overlay);
        Assert.Contains("extends: \"det.yaml\"", text);
        double fitted = double.Parse(Regex.Match(text, @"propensity: ([0-9.eE+-]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(fitted, 1.97, 2.03);
        var check = await _cli.Run("validate", overlay);
        Assert.Equal(0, check.Code);
    }

    private string Targets(double low, double high)
    {
        var path = _cli.PathIn($"t-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            targets:
              - { id: patents, what: CN patents to 2023, observed: test, source: test, series: { entity: CN, metric: patents_cumulative }, statistic: at, from: 2023-12, range: [{{low:R}}, {{high:R}}] }
            """));
        return path;
    }

    [Fact]
    public async Task Compare_prints_each_scenarios_gap_and_its_difference_from_the_first()
    {
        var (code, stdout, stderr) = await _cli.Run("compare", Scenarios("teaching/open-weights.yaml"), Scenarios("teaching/open-weights-closed.yaml"),
            "--at", "2023-04,2030-12", "--markdown", "--members", "5");
        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n').Where(l => l.StartsWith("| teaching", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // The open-weights teaching world's lesson for China's trained frontier (G1, v2): without open weights it
        // is further behind, by the distillation uplift it loses (TeachingWorldTests bounds that by U_max).
        double Horizon(string row) => double.Parse(row.Split('|')[4].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(Horizon(rows[1]) > Horizon(rows[0]), stdout);
    }

    [Fact]
    public async Task The_what_if_table_in_the_calibration_doc_is_what_its_command_prints()
    {
        // docs/CALIBRATION.md names: airace compare scenarios/baseline.yaml scenarios/what-if/*.yaml --members 200 --markdown
        var whatIfs = Directory.GetFiles(Scenarios("what-if"), "*.yaml").Order(StringComparer.Ordinal);
        var (code, stdout, stderr) = await _cli.Run(["compare", Scenarios("baseline.yaml"), .. whatIfs, "--members", "200", "--markdown"]);
        Assert.True(code == 0, stderr);
        var printed = stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('|')).ToList();
        var doc = File.ReadAllLines(Path.Combine(OtherCommandTests.RepositoryRoot(), "docs", "CALIBRATION.md"))
            .SkipWhile(l => !l.StartsWith("## What-ifs", StringComparison.Ordinal)).Where(l => l.StartsWith('|')).Take(printed.Count).ToList();
        Assert.Equal(11, printed.Count);
        Assert.Equal(printed, doc);
    }

    [Fact]
    public async Task Every_scenario_in_the_scenarios_folder_runs()
    {
        var files = Directory.GetFiles(Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "targets.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(13, files.Count); // pinned: a scenario lost (or added) shows here
        foreach (var file in files)
        {
            var dir = _cli.PathIn(Path.GetFileNameWithoutExtension(file));
            var (code, _, stderr) = await _cli.Run("run", file, "--members", "2", "--block", "2", "--out", dir);
            Assert.True(code == 0, $"{file}: {stderr}");
            // Each result file holds rows, not only a header.
            foreach (var name in new[] { "series.csv", "quantiles.csv" })
                Assert.True(File.ReadLines(Path.Combine(dir, name)).Skip(1).Any(), $"{file}: {name} has no rows");
        }
    }
}
