using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AiRaceSim.Output;

namespace AiRaceSim.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private const string Small = "scenarios/small.yaml";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static List<string[]> Rows(string csv) => File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).ToList();

    [Fact]
    public async Task Run_writes_the_tidy_series_quantiles_and_a_manifest()
    {
        var dir = _cli.PathIn("out");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Equal(["draws.csv", "manifest.json", "outcomes.csv", "quantiles.csv", "report.html", "series.csv"], Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Order().ToArray());

        var csv = Path.Combine(dir, "series.csv");
        Assert.Equal("scenario,member,date,entity,metric,value", File.ReadLines(csv).First());
        var rows = Rows(csv);
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        Assert.All(rows, r => Assert.Equal("small-test", r[0]));
        Assert.Equal(["0", "1", "2"], rows.Select(r => r[1]).Distinct().Order().ToArray());
        Assert.Equal(48, rows.Select(r => r[2]).Distinct().Count());
        Assert.Equal("2020-01", rows[0][2]);
        Assert.Equal(["capability", "capability_gap_months", "compute_installed", "market_share", "patents_cumulative"],
            rows.Select(r => r[4]).Distinct().Order().ToArray());
        Assert.Contains(rows, r => r[3] == "CN-US");
        Assert.Contains(rows, r => r[3] == "us-lab@CN");
        // The entrant has no values before its entry month (2022-03), then has them.
        Assert.All(rows.Where(r => r[3] == "cn-entrant" && r[4] == "capability" && string.CompareOrdinal(r[2], "2022-03") < 0), r => Assert.Equal("", r[5]));
        Assert.All(rows.Where(r => r[3] == "cn-entrant" && r[4] == "capability" && string.CompareOrdinal(r[2], "2022-03") >= 0), r => Assert.NotEqual("", r[5]));

        Assert.Contains("capability gap, CN behind US (months)", stdout);
        Assert.Contains("cumulative patents, CN", stdout);
        Assert.Contains("share of installed compute, US", stdout);
    }

    [Fact]
    public async Task Quantiles_are_ordered_and_match_the_members_values()
    {
        var dir = _cli.PathIn("q");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir)).Code);
        var series = Rows(Path.Combine(dir, "series.csv"));
        var quantiles = File.ReadLines(Path.Combine(dir, "quantiles.csv")).ToList();
        Assert.Equal(QuantilesWriter.Header, quantiles[0]);
        foreach (var line in quantiles.Skip(1))
        {
            var q = line.Split(',');
            if (q[3] == "") continue;
            var p = q.Skip(4).Take(5).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            for (int i = 1; i < p.Length; i++) Assert.True(p[i - 1] <= p[i], line);
        }
        // One row by hand: three members, R-7 quantiles: p at h = (n − 1)·p between sorted values.
        var values = series.Where(r => r[2] == "2023-12" && r[3] == "CN-US" && r[4] == "capability_gap_months")
            .Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(3, values.Length);
        var row = quantiles.Single(l => l.StartsWith("2023-12,CN-US,capability_gap_months,", StringComparison.Ordinal)).Split(',')
            .Skip(3).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values.Average(), row[0], 12);
        Assert.Equal(values[0] + 0.1 * (values[1] - values[0]), row[1], 12);  // p05: h = 0.1
        Assert.Equal(values[0] + 0.5 * (values[1] - values[0]), row[2], 12);  // p25: h = 0.5
        Assert.Equal(values[1], row[3], 12);                                   // p50
        Assert.Equal(values[1] + 0.5 * (values[2] - values[1]), row[4], 12);  // p75: h = 1.5
        Assert.Equal(values[1] + 0.9 * (values[2] - values[1]), row[5], 12);  // p95: h = 1.9
        double mean = values.Average();
        Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / 2), row[6], 12); // sd: n − 1 = 2
        Assert.True(row[6] > 0, "the three members agree: the deviation checks nothing");
    }

    [Fact]
    public async Task The_manifest_names_the_files_hashes_and_the_resolved_scenario()
    {
        var dir = _cli.PathIn("m");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir)).Code);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("small-test", root.GetProperty("scenario").GetString());
        Assert.Equal(11UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(3, root.GetProperty("members").GetInt32());
        Assert.Equal(2, root.GetProperty("block").GetInt32());
        Assert.Equal(2, root.GetProperty("blocks").GetInt32());
        var file = root.GetProperty("files")[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Small))), file.GetProperty("sha256").GetString());
        Assert.Equal("small-test", root.GetProperty("resolved_scenario").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("commit").GetString()));
        Assert.True(DateTimeOffset.Parse(root.GetProperty("finished_utc").GetString()!, CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(root.GetProperty("started_utc").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_runs_give_the_same_bytes_apart_from_the_manifest_times()
    {
        var a = _cli.PathIn("a");
        var b = _cli.PathIn("b");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", a, "--format", "both")).Code);
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", b, "--format", "both")).Code);
        foreach (var file in new[] { "series.csv", "series.parquet", "quantiles.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        static string WithoutTimes(string path) => string.Join("\n", File.ReadLines(path).Where(l => !l.Contains("_utc\"")));
        Assert.Equal(WithoutTimes(Path.Combine(a, "manifest.json")), WithoutTimes(Path.Combine(b, "manifest.json")));
    }

    [Fact]
    public async Task Members_seed_and_block_on_the_command_line_override_the_scenario()
    {
        var dir = _cli.PathIn("o");
        var (code, _, err) = await _cli.Run("run", Small, "--out", dir, "--members", "5", "--block", "2", "--seed", "3");
        Assert.True(code == 0, err);
        Assert.Equal(5, Rows(Path.Combine(dir, "series.csv")).Select(r => r[1]).Distinct().Count());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(3UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(3, manifest.RootElement.GetProperty("blocks").GetInt32());
    }

    [Fact]
    public async Task A_run_stopped_half_way_leaves_no_folder_and_exits_1()
    {
        // Cancel as soon as the run reports its first months done: the writers have begun in the
        // temporary folder, which must vanish.
        var dir = _cli.PathIn("stopped");
        using var cts = new CancellationTokenSource();
        var stderr = new CancelOnProgress(cts, "12/48 months");
        int code = await AiraceCommand.RunAsync(["run", Small, "--out", dir], new StringWriter(), stderr, cts.Token);
        Assert.Equal(1, code);
        Assert.Contains("nothing was written", stderr.Text);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetDirectories(_cli.Scratch));
    }

    /// <summary>A stderr that cancels the run when a progress line says a given point was reached.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource cts, string trigger) : StringWriter
    {
        public string Text => ToString();
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true) cts.Cancel();
        }
    }

    [Fact]
    public async Task Parquet_holds_the_same_rows_as_the_csv()
    {
        var dir = _cli.PathIn("p");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir, "--format", "both")).Code);
        var csv = Rows(Path.Combine(dir, "series.csv"));
        var rows = await ParquetRows.ReadAsync(Path.Combine(dir, "series.parquet"));
        Assert.Equal(csv.Count, rows.Count);
        Assert.Contains(rows, r => r.Value is null); // the entrant before its entry
        for (int i = 0; i < csv.Count; i++) // every row, not a sample
        {
            Assert.Equal(csv[i][1], rows[i].Member.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(csv[i][2], rows[i].Date);
            Assert.Equal(csv[i][3], rows[i].Entity);
            Assert.Equal(csv[i][4], rows[i].Metric);
            Assert.Equal(csv[i][5], rows[i].Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "");
        }
    }
}
