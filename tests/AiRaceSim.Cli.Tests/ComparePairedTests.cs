using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>compare --paired against the per-member outcomes of plain runs of the same scenarios and seed.</summary>
[Collection(CliCollection.Name)]
public sealed class ComparePairedTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static readonly string Small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");

    public void Dispose() => _cli.Dispose();

    private static string Num(double v) => v.ToString("F2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_paired_median_is_the_median_of_the_members_differences_from_plain_runs()
    {
        var other = _cli.PathIn("noisier.yaml");
        File.WriteAllText(other, File.ReadAllText(Small).Replace("name: small-test", "name: noisier").Replace("capability_noise_sd: 0.02", "capability_noise_sd: 0.2"));
        var gaps = new List<double[]>();
        foreach (var (file, name) in new[] { (Small, "a"), (other, "b") })
        {
            var scenario = _cli.PathIn(name + ".yaml");
            File.WriteAllText(scenario, File.ReadAllText(file) + "outcomes:\n  - { name: g, entity: CN-US, metric: capability_gap_months, at: 2022-01 }\n");
            var dir = _cli.PathIn(name + "-out");
            var (code, _, err) = await _cli.Run("run", scenario, "--members", "5", "--no-report", "--format", "none", "--out", dir);
            Assert.True(code == 0, err);
            gaps.Add(File.ReadAllLines(Path.Combine(dir, "outcomes.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray());
        }
        var differences = gaps[1].Zip(gaps[0], (b, a) => b - a).Order().ToArray();
        Assert.Contains(differences, d => d != 0); // the noise moves the gap, so the check can fail
        double median = differences[2]; // five members: the third
        int lower = differences.Count(d => d < 0);

        var (c, stdout, stderr) = await _cli.Run("compare", Small, other, "--members", "5", "--at", "2022-01", "--paired");
        Assert.True(c == 0, stderr);
        var line = stdout.Split('\n').Single(l => l.StartsWith("noisier ", StringComparison.Ordinal) && l.Contains("2022-01"));
        Assert.Contains((Math.Round(median, 2) > 0 ? "+" : "") + Num(Math.Round(median, 2) == 0 ? 0 : median), line);
        Assert.Contains((lower / 5.0).ToString("P0", CultureInfo.InvariantCulture), line);
        Assert.Contains("paired: every scenario on small-test's seed", stdout);
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
