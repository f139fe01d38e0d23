using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>`airace gap` on a small constructed series, against gaps computed by hand, and on bad input.</summary>
[Collection(CliCollection.Name)]
public sealed class GapCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    // Months on the axis: year·12 + month − 1 + (day − 1) / days in the month (March, May, July, August have 31 days, April and September 30).
    private const string Series = """
        name,place,day,level
        l1,L,2020-01-01,10
        l2,L,2020-03-16,12
        l3,L,2020-06-01,11
        l4,L,2020-09-11,15
        f1,F,2020-02-01,9
        f2,F,2020-04-11,11
        f3,F,2020-05-21,12.5
        f4,F,2020-07-01,11.5
        f5,F,2020-08-01,14
        f6,F,2020-08-15,
        """;

    private string Write(string name, string text)
    {
        var path = _cli.PathIn(name);
        File.WriteAllText(path, text.Replace("\r\n", "\n") + "\n");
        return path;
    }

    private async Task<List<string[]>> Gap(string leader, string follower, string output)
    {
        var (code, _, stderr) = await _cli.Run("gap", Write("series.csv", Series), "--date", "day", "--group", "place", "--value", "level",
            "--leader", leader, "--follower", follower, "--out", output);
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "gap.csv"));
        Assert.Equal("date,follower,leader,gap_months,flag", lines[0]);
        Assert.True(File.Exists(Path.Combine(output, "gap.png")) && File.Exists(Path.Combine(output, "gap.svg")));
        return lines.Skip(1).Select(l => l.Split(',')).ToList();
    }

    private static void Row(string[] row, string date, double? months, string flag)
    {
        Assert.Equal(date, row[0]);
        if (months is { } m) Assert.Equal(m, double.Parse(row[3], CultureInfo.InvariantCulture), 9); // months near 24,240 on the axis: differences carry ~1e-12
        else Assert.Equal("", row[3]);
        Assert.Equal(flag, row[4]);
    }

    [Fact]
    public async Task Gaps_at_the_follower_s_dates_equal_the_hand_computed_ones()
    {
        var rows = await Gap("L", "F", _cli.PathIn("out"));
        Assert.Equal(5, rows.Count); // f6 has no value: no observation
        Row(rows[0], "2020-02-01", 1, "at_least");                          // 9 is below L's first level: L stood there before its first date (month 0), so at least 1 − 0
        Row(rows[1], "2020-04-11", (3 + 10 / 30.0) - (2 + 15 / 31.0), "exact"); // 11: L reached it on 2020-03-16
        Row(rows[2], "2020-05-21", 0, "exact");                             // F (12.5) leads L (12), reached that very day
        Row(rows[3], "2020-07-01", -(6 - (4 + 20 / 31.0)), "exact");        // F's running maximum (12.5) still leads: it reached L's 12 on 2020-05-21
        Row(rows[4], "2020-08-01", -(7 - (4 + 20 / 31.0)), "exact");        // L's dip to 11 on 2020-06-01 does not lower its level
        Assert.All(rows, r => Assert.Equal(("F", "L"), (r[1], r[2])));
    }

    [Fact]
    public async Task A_level_the_leader_never_reached_gives_a_bound_or_nothing()
    {
        var rows = await Gap("F", "L", _cli.PathIn("swapped"));
        Assert.Equal(4, rows.Count);
        Row(rows[0], "2020-01-01", null, "undefined");                      // F has no observation yet
        Row(rows[1], "2020-03-16", -(2 + 15 / 31.0), "at_most");            // L (12) leads F (9) and stood above 9 from its first date: a bound
        Row(rows[2], "2020-06-01", 5 - (4 + 20 / 31.0), "exact");           // L (12) behind F (12.5), which reached 12 on 2020-05-21
        Row(rows[3], "2020-09-11", 0, "exact");                             // L (15) leads F (14) and reached 14 that very day; printed 0, not −0
    }

    [Theory]
    [InlineData("name,place,day,level\nx,L,2020-13-01,1\n", "series.csv:2: column 'day' (field 3): expected a date yyyy-MM-dd or yyyy-MM, got '2020-13-01'")]
    [InlineData("name,place,day,level\nx,L,2020-01-01,1\ny,F,0050-01-01,2\n", "series.csv:3: column 'day' (field 3): expected a date from 1900-01-01 to 2200-12-31, got '0050-01-01'")]
    [InlineData("name,place,day,level\nx,L,2201-01,1\ny,F,2020-01,2\n", "series.csv:2: column 'day' (field 3): expected a date from 1900-01-01 to 2200-12-31, got '2201-01'")]
    [InlineData("name,place,day,level\nx,L,2020-01-01,1\ny,F,2020-02-01,lots\n", "series.csv:3: column 'level' (field 4): expected a number")]
    [InlineData("name,place,when,level\nx,L,2020-01-01,1\n", "series.csv:1: no column 'day' (give it with --date); the header has: name, place, when, level")]
    [InlineData("name,place,day,level\nx,L,2020-01-01,1\ny,F,2020-02-01\n", "series.csv:3: expected 4 fields as in the header, found 3")]
    [InlineData("name,place,day,level\nx,L,2020-01-01,1\n", "no row of group 'F' with a value in column 'level'")]
    public async Task Bad_input_names_file_line_and_column_exits_2_and_writes_nothing(string text, string message)
    {
        var output = _cli.PathIn("bad");
        var (code, stdout, stderr) = await _cli.Run("gap", Write("series.csv", text), "--date", "day", "--group", "place", "--value", "level",
            "--leader", "L", "--follower", "F", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(output));
        Assert.Single(Directory.GetFileSystemEntries(_cli.Scratch)); // only the input file
    }

    [Fact]
    public async Task Its_folder_is_an_output_the_next_gap_replaces_and_a_foreign_file_protects()
    {
        var output = _cli.PathIn("again");
        await Gap("L", "F", output);
        Assert.Equal(["gap.csv", "gap.png", "gap.svg", "manifest.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await Gap("F", "L", output); // replaced: the leader and follower are swapped in the new file
        Assert.StartsWith("2020-01-01,L,F,", File.ReadAllLines(Path.Combine(output, "gap.csv"))[1]);
        File.WriteAllText(Path.Combine(output, "mine.txt"), "keep");
        var (code, _, stderr) = await _cli.Run("gap", Write("series.csv", Series), "--date", "day", "--group", "place", "--value", "level",
            "--leader", "L", "--follower", "F", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("'mine.txt', which its manifest does not list", stderr);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(output, "mine.txt")));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var (code, _, stderr) = await _cli.Run("gap", _cli.PathIn("none.csv"), "--out", _cli.PathIn("o"));
        Assert.Equal(2, code);
        Assert.Contains("none.csv: no such file", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Scratch));
    }

    [Fact]
    public async Task On_epoch_s_models_china_trails_the_united_states_by_months()
    {
        var file = Path.Combine(OtherCommandTests.RepositoryRoot(), "data", "epoch", "large-scale-ai-models-to-2023.csv");
        var output = _cli.PathIn("epoch");
        var (code, stdout, stderr) = await _cli.Run("gap", file, "--log10", "--out", output);
        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(Path.Combine(output, "gap.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        // The default group is country_id: China's rows and Hong Kong's (data/epoch/README.md), one gap row per distinct date.
        // No field of the file holds a quoted comma, so splitting on commas reads it.
        var china = File.ReadLines(file).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] is "China" or "China; Hong Kong" or "Hong Kong (China)" && f[4].Length > 0).ToList();
        Assert.Contains(china, f => f[0].StartsWith("SenseChat", StringComparison.Ordinal) && f[2] == "Hong Kong (China)");
        Assert.Equal(china.Select(f => f[3]).Distinct().Count(), rows.Count);
        Assert.All(rows, r => Assert.Equal(("CN", "US"), (r[1], r[2])));
        double Gap(string date) => double.Parse(rows.Single(r => r[0] == date)[3], CultureInfo.InvariantCulture);
        // By hand: China's running maximum is Wu Dao 2.0 (1.543e24, 2021-05-31), first reached by the US with
        // GPT-3.5 (davinci-002, 2.578e24) on 2022-03-15; from SenseChat (Hong Kong, 3.89e24, 2023-04-10)
        // on it is SenseChat's, first reached by GPT-4 (2.1e25) on 2023-03-15.
        Assert.Equal(2023 * 12 + 2 + 19 / 31.0 - (2022 * 12 + 2 + 14 / 31.0), Gap("2023-03-20"), 1e-6); // PanGu-Sigma: 12.2 months
        Assert.Equal(3 + 9 / 30.0 - (2 + 14 / 31.0), Gap("2023-04-10"), 1e-6); // SenseChat: 0.8 months
        Assert.Equal(11 + 21 / 31.0 - (2 + 14 / 31.0), Gap("2023-12-22"), 1e-6); // YaYi 2.0, the last: 9.2 months
        Assert.Contains("CN behind US", stdout);
        Assert.Contains("last measured 2023-12-22: 9.2 months", stdout);
    }

    public void Dispose() => _cli.Dispose();
}
