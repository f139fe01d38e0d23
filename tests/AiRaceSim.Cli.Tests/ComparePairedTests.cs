using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>compare --paired against the per-member outcomes of plain runs of the same scenarios and seed.</summary>
[Collection(CliCollection.Name)]
public sealed class ComparePairedTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static readonly string Small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_paired_median_is_the_median_of_the_members_differences_from_plain_runs_on_the_references_seed()
    {
        // The other scenario has its own seed: --paired must run it on the reference's.
        string referenceSeed = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Small), @"(?m)^seed: (\d+)").Groups[1].Value;
        Assert.NotEqual("", referenceSeed);
        var other = _cli.PathIn("noisier.yaml");
        File.WriteAllText(other, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Small), @"(?m)^seed: \d+", "seed: 99")
            .Replace("name: small-test", "name: noisier").Replace("capability_noise_sd: 0.02", "capability_noise_sd: 0.2"));
        var gaps = new List<double[]>();
        foreach (var (file, name) in new[] { (Small, "a"), (other, "b") })
        {
            var scenario = _cli.PathIn(name + ".yaml");
            File.WriteAllText(scenario, File.ReadAllText(file) + "outcomes:\n  - { name: g, entity: CN-US, metric: capability_gap_months, at: 2022-01 }\n");
            var dir = _cli.PathIn(name + "-out");
            var (code, _, err) = await _cli.Run("run", scenario, "--members", "5", "--seed", referenceSeed, "--no-report", "--format", "none", "--out", dir);
            Assert.True(code == 0, err);
            gaps.Add(File.ReadAllLines(Path.Combine(dir, "outcomes.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray());
        }
        var differences = gaps[1].Zip(gaps[0], (b, a) => b - a).Order().ToArray();
        Assert.Contains(differences, d => Math.Abs(d) > 0.01); // the noise moves the gap, so the check can fail
        double median = differences[2]; // five members: the third
        double lower = differences.Count(d => d < 0) / 5.0;
        double ofMedians = gaps[1].Order().ElementAt(2) - gaps[0].Order().ElementAt(2);

        var (c, stdout, stderr) = await _cli.Run("compare", Small, other, "--members", "5", "--at", "2022-01", "--paired", "--markdown");
        Assert.True(c == 0, stderr);
        Assert.Contains($"paired: every scenario on small-test's seed {referenceSeed} and 5 members", stdout);
        var cells = stdout.Split('\n').Single(l => l.StartsWith("| noisier | 2022-01 |", StringComparison.Ordinal)).Split('|').Select(x => x.Trim()).ToArray();
        double Number(string cell) => double.Parse(cell.TrimEnd('%').Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(median, Number(cells[3]), 0.005);
        Assert.Equal(lower * 100, Number(cells[5]), 0.5);
        Assert.Equal(5, Number(cells[6]));
        Assert.Equal(ofMedians, Number(cells[7]), 0.005);
    }

    [Fact]
    public async Task Paired_needs_two_scenarios_with_the_same_members()
    {
        var (c, _, stderr) = await _cli.Run("compare", Small, "--paired");
        Assert.Equal(2, c);
        Assert.Contains("--paired compares scenarios with the first one", stderr);
        var bigger = _cli.PathIn("bigger.yaml");
        File.WriteAllText(bigger, File.ReadAllText(Small).Replace("name: small-test", "name: bigger").Replace("members: 3", "members: 4"));
        (c, _, stderr) = await _cli.Run("compare", Small, bigger, "--paired");
        Assert.Equal(2, c);
        Assert.Contains("--paired needs the same members in every scenario (they have small-test 3, bigger 4); give --members", stderr);
    }
}
