namespace AiRaceSim.Cli.Tests;

/// <summary>outputs.per_member and its default: every series member by member up to 100 members, none above.</summary>
[Collection(CliCollection.Name)]
public sealed class PerMemberTests : IDisposable
{
    private const string Small = "scenarios/small.yaml";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string[] Metrics(string csv) => File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[4]).Distinct().Order().ToArray();

    [Fact]
    public async Task Above_100_members_a_run_writes_quantiles_but_no_per_member_series_and_says_how_to_ask()
    {
        var dir = _cli.PathIn("many");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--members", "101", "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(dir, "series.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "quantiles.csv")));
        Assert.Contains("no per-member series above 100 members", stdout);
        Assert.Contains("outputs.per_member: all", stdout);
    }

    [Fact]
    public async Task At_100_members_every_kept_series_is_written_member_by_member()
    {
        var dir = _cli.PathIn("hundred");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--members", "100", "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Equal(["capability", "capability_gap_months", "compute_installed", "market_share", "patents_cumulative"],
            Metrics(Path.Combine(dir, "series.csv")));
        Assert.DoesNotContain("no per-member series", stdout);
    }

    [Theory]
    [InlineData("[capability_gap_months]", 3, new[] { "capability_gap_months" })]
    [InlineData("all", 101, new[] { "capability", "capability_gap_months", "compute_installed", "market_share", "patents_cumulative" })]
    [InlineData("none", 3, new string[0])]
    public async Task Per_member_writes_the_metrics_it_names_whatever_the_members(string perMember, int members, string[] expected)
    {
        var scenario = _cli.PathIn("per-member.yaml");
        var small = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Small));
        Assert.Contains("entities: all }", small);
        File.WriteAllText(scenario, small.Replace("entities: all }", $"entities: all, per_member: {perMember} }}"));
        var dir = _cli.PathIn("out");
        var (code, stdout, stderr) = await _cli.Run("run", scenario, "--members", members.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        var csv = Path.Combine(dir, "series.csv");
        if (expected.Length == 0)
        {
            Assert.False(File.Exists(csv));
            Assert.Contains("no per-member series: outputs.per_member is none", stdout);
        }
        else Assert.Equal(expected, Metrics(csv));
    }

    [Fact]
    public async Task A_per_member_list_that_outputs_entities_leave_out_says_so_and_keeps_the_quantiles()
    {
        var scenario = _cli.PathIn("firm-only.yaml");
        var small = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Small));
        File.WriteAllText(scenario, small.Replace("entities: all }", "entities: [world], per_member: [market_share] }"));
        var dir = _cli.PathIn("firm-only");
        // One member and --no-report: quantiles.csv is then the only series file, so it is written.
        var (code, stdout, stderr) = await _cli.Run("run", scenario, "--members", "1", "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(dir, "series.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "quantiles.csv")));
        Assert.Contains("no per-member series: outputs.per_member and outputs.entities select none together", stdout);
    }
}
