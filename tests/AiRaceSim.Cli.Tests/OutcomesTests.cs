using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>outcomes.csv against the per-member series of the same run, worked out here from series.csv.</summary>
[Collection(CliCollection.Name)]
public sealed class OutcomesTests : IDisposable
{
    private const string Small = "scenarios/small.yaml";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>member → date → value of one series, from series.csv (dates in order; empty values left out).</summary>
    private static Dictionary<int, List<(string Date, double Value)>> Series(string csv, string entity, string metric) =>
        File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .Where(r => r[3] == entity && r[4] == metric && r[5] != "")
            .GroupBy(r => int.Parse(r[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(r => (r[2], double.Parse(r[5], CultureInfo.InvariantCulture))).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList());

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_outcome_is_what_the_members_series_say()
    {
        var scenario = _cli.PathIn("outcomes.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Small)) + """
            outcomes:
              - { name: gap_2022, entity: CN-US, metric: capability_gap_months, at: 2022-01 }
              - { name: first_measured, entity: CN-US, metric: capability_gap_months, first_below: 1000 }
              - { name: first_above_1000, entity: CN-US, metric: capability_gap_months, first_above: 1000 }
              - { name: first_cn_lab_above, entity: cn-lab, metric: capability, first_above: 24.5 }
              - { name: largest_cn_lab, entity: cn-lab, metric: capability, max_from: 2021-01 }
              - { name: smallest_gap_late, entity: CN-US, metric: capability_gap_months, min_from: 2022-06 }
              - { name: cn_lab_funding_2021, entity: cn-lab, metric: funding, at: 2021-06 }
            """);
        var dir = _cli.PathIn("out");
        var (code, stdout, stderr) = await _cli.Run("run", scenario, "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("outcomes.csv", stdout);
        var gap = Series(Path.Combine(dir, "series.csv"), "CN-US", "capability_gap_months");
        var cn = Series(Path.Combine(dir, "series.csv"), "cn-lab", "capability");
        var rows = File.ReadAllLines(Path.Combine(dir, "outcomes.csv"));
        Assert.Equal("member,gap_2022,first_measured,first_above_1000,first_cn_lab_above,largest_cn_lab,smallest_gap_late,cn_lab_funding_2021", rows[0]);
        Assert.Equal(4, rows.Length); // three members
        int lateMonths = 0;
        for (int m = 0; m < 3; m++)
        {
            var g = gap[m];
            var k = cn[m];
            string firstCn = k.FirstOrDefault(x => x.Value > 24.5).Date ?? "never";
            if (firstCn != "never") lateMonths++;
            var expected = string.Join(',',
                m.ToString(CultureInfo.InvariantCulture),
                g.Where(x => x.Date == "2022-01").Select(x => Num(x.Value)).SingleOrDefault() ?? "",
                g.First().Date,
                "never",
                firstCn,
                Num(k.Where(x => string.CompareOrdinal(x.Date, "2021-01") >= 0).Max(x => x.Value)),
                Num(g.Where(x => string.CompareOrdinal(x.Date, "2022-06") >= 0).Min(x => x.Value)));
            Assert.Equal(expected, rows[m + 1][..rows[m + 1].LastIndexOf(',')]);
        }
        // funding is not among small.yaml's outputs.metrics: the outcome records it all the same, and its
        // value is what a run that writes funding per member says.
        var withFunding = _cli.PathIn("funding.yaml");
        File.WriteAllText(withFunding, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Small)).Replace("market_share]", "market_share, funding]"));
        var fundingDir = _cli.PathIn("funding");
        Assert.Equal(0, (await _cli.Run("run", withFunding, "--no-report", "--out", fundingDir)).Code);
        var funding = Series(Path.Combine(fundingDir, "series.csv"), "cn-lab", "funding");
        for (int m = 0; m < 3; m++)
            Assert.Equal(Num(funding[m].Single(x => x.Date == "2021-06").Value), rows[m + 1][(rows[m + 1].LastIndexOf(',') + 1)..]);
        Assert.True(lateMonths > 0, "no member's cn-lab passed 24.5: the first-above column checks nothing");
    }

    [Fact]
    public async Task Without_an_outcomes_section_each_measured_gap_gets_the_default_three()
    {
        var dir = _cli.PathIn("default");
        var (code, _, stderr) = await _cli.Run("run", Small, "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(Path.Combine(dir, "outcomes.csv"));
        Assert.Equal("member,gap_CN_US_at_end,first_lead_CN_US,largest_gap_CN_US_from_now", rows[0]);
        var gap = Series(Path.Combine(dir, "series.csv"), "CN-US", "capability_gap_months");
        for (int m = 0; m < 3; m++)
        {
            var g = gap[m];
            // small.yaml: end 2023-12, now 2022-06.
            var expected = string.Join(',', m.ToString(CultureInfo.InvariantCulture),
                g.Where(x => x.Date == "2023-12").Select(x => Num(x.Value)).SingleOrDefault() ?? "",
                g.FirstOrDefault(x => x.Value < 0).Date ?? "never",
                Num(g.Where(x => string.CompareOrdinal(x.Date, "2022-06") >= 0).Max(x => x.Value)));
            Assert.Equal(expected, rows[m + 1]);
        }
    }
}
