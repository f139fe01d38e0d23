using System.Text.Json;
using System.Xml.Linq;

namespace AiRaceSim.Cli.Tests;

/// <summary>The report options of run, compare and calibrate, and `airace report` on bad folders, on small scenarios.</summary>
[Collection(CliCollection.Name)]
public sealed class ReportOptionTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Teaching(string file) => Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "teaching", file);

    private static List<string> Outputs(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        return doc.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToList();
    }

    private static HashSet<string> SvgTexts(string path) =>
        XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();

    [Fact]
    public async Task No_report_writes_no_charts_and_no_html_and_report_adds_them_later()
    {
        var folder = _cli.PathIn("small");
        // One member and no report: no quantiles.csv either, so `airace report` draws from series.csv.
        var (code, stdout, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--members", "1", "--out", folder, "--no-report");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(folder, "quantiles.csv")));
        Assert.False(Directory.Exists(Path.Combine(folder, "charts")));
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
        Assert.DoesNotContain("report.html", stdout);
        Assert.DoesNotContain(Outputs(folder), o => o.StartsWith("charts/", StringComparison.Ordinal));

        (code, _, stderr) = await _cli.Run("report", folder);
        Assert.True(code == 0, stderr);
        var outputs = Outputs(folder);
        Assert.Contains("report.html", outputs);
        Assert.Contains("charts/gap.svg", outputs);
        var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order();
        Assert.Equal(outputs.Order(), present);
        // small.yaml measures CN behind US and marks its two events (numbered on the chart, named in the report's table).
        Assert.Contains("Capability gap: months CN is behind US", SvgTexts(Path.Combine(folder, "charts", "gap.svg")));
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Matches("<td>[0-9]+</td><td>2021-10</td><td>controls</td>", html);
        Assert.Matches("<td>[0-9]+</td><td>2022-07</td><td>block</td>", html);
    }

    private static List<string> Charts(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    [Fact]
    public async Task A_report_after_no_report_or_with_outputs_for_two_countries_has_every_chart()
    {
        // small.yaml has two countries, four firms and a perception: all eight charts of a run report.
        string[] all = ["adoption", "compute", "firm-gaps", "frontier", "gap", "money", "patents", "perception"];
        var expected = all.SelectMany(n => new[] { n + ".png", n + ".svg" }).Order(StringComparer.Ordinal).ToList();
        var later = _cli.PathIn("later");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--members", "2", "--out", later, "--no-report");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await _cli.Run("report", later);
        Assert.True(code == 0, stderr);
        Assert.Equal(expected, Charts(later));
        Assert.DoesNotContain("Charts left out", File.ReadAllText(Path.Combine(later, "report.html")));

        // outputs: for US and CN only (no firm, no pair, no world) still records what the charts draw.
        var scenario = _cli.PathIn("two.yaml");
        File.WriteAllText(scenario, File.ReadAllText("scenarios/small.yaml").Replace("entities: all }", "entities: [US, CN] }"));
        var two = _cli.PathIn("two");
        (code, _, stderr) = await _cli.Run("run", scenario, "--members", "2", "--out", two);
        Assert.True(code == 0, stderr);
        Assert.Equal(expected, Charts(two));
        Assert.DoesNotContain("Charts left out", File.ReadAllText(Path.Combine(two, "report.html")));
    }

    [Fact]
    public async Task A_report_from_a_series_file_without_the_charts_series_says_which_charts_it_left_out()
    {
        // One member with --no-report writes series.csv only, with the outputs: selection (here capability alone).
        var scenario = _cli.PathIn("few.yaml");
        File.WriteAllText(scenario, File.ReadAllText("scenarios/small.yaml").Replace(
            "outputs: { metrics: [capability, capability_gap_months, compute_installed, patents_cumulative, market_share], entities: all }",
            "outputs: { metrics: [capability], entities: all }"));
        var folder = _cli.PathIn("few");
        var (code, _, stderr) = await _cli.Run("run", scenario, "--members", "1", "--out", folder, "--no-report");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await _cli.Run("report", folder);
        Assert.True(code == 0, stderr);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("Charts left out", html);
        foreach (var chart in new[] { "gap", "compute", "patents", "adoption", "money", "firm-gaps", "perception" })
            Assert.Contains($"<li>{chart} (", html);
        Assert.Contains("series.csv holds none of its series (funding, revenue)", html);
        Assert.DoesNotContain("<li>frontier (", html); // capability is there
        Assert.Contains("frontier.svg", Charts(folder));
    }

    /// <summary>Runs small.yaml without a report, edits its quantiles.csv, and expects `airace report` to refuse it: exit 2, the message, nothing written.</summary>
    private async Task CorruptQuantilesAreRefused(string name, Func<List<string>, (int Line, int Column, string Message)> corrupt)
    {
        var folder = _cli.PathIn(name);
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--members", "2", "--out", folder, "--no-report");
        Assert.True(code == 0, stderr);
        var path = Path.Combine(folder, "quantiles.csv");
        var lines = File.ReadAllLines(path).ToList();
        var (line, column, message) = corrupt(lines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToList();
        (code, _, stderr) = await _cli.Run("report", folder);
        Assert.Equal(2, code);
        Assert.Contains($"quantiles.csv:{line}:{column}: {message}", stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public async Task Report_reads_quantiles_written_before_the_sd_column()
    {
        // Folders written before quantiles.csv had `sd` hold 9 fields a row; the report draws from them as before.
        var folder = _cli.PathIn("nine");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--members", "2", "--out", folder, "--no-report");
        Assert.True(code == 0, stderr);
        var path = Path.Combine(folder, "quantiles.csv");
        var lines = File.ReadAllLines(path);
        Assert.EndsWith(",sd", lines[0]);
        File.WriteAllText(path, string.Join("\n", lines.Select(l => l[..l.LastIndexOf(',')])) + "\n");
        (code, _, stderr) = await _cli.Run("report", folder);
        Assert.True(code == 0, stderr);
        Assert.Contains("gap.png", Charts(folder));
    }

    [Fact]
    public async Task Report_refuses_a_month_outside_the_run_before_allocating_for_it()
    {
        // small.yaml runs 2020-01..2023-12; a row dated 9999-01 would have made the table ~95,000 months long.
        await CorruptQuantilesAreRefused("far", lines =>
        {
            var fields = lines[1].Split(',');
            fields[0] = "9999-01";
            lines.Add(string.Join(',', fields));
            return (lines.Count, 1, "field 1: month 9999-01 lies outside the run's months 2020-01..2023-12");
        });
    }

    [Fact]
    public async Task Report_names_the_file_line_and_column_of_a_bad_number()
    {
        await CorruptQuantilesAreRefused("abc", lines =>
        {
            var fields = lines[5].Split(',');
            fields[6] = "abc"; // p50
            lines[5] = string.Join(',', fields);
            int column = fields.Take(6).Sum(f => f.Length + 1) + 1;
            return (6, column, "field 7: expected a number such as 0.25 (or an empty field), got 'abc'");
        });
    }

    [Fact]
    public async Task The_report_states_the_question_of_the_scenario_file()
    {
        var scenario = _cli.PathIn("asked.yaml");
        File.WriteAllText(scenario, "# Question: what if the lab had no API abroad?\n" + File.ReadAllText("scenarios/small.yaml"));
        var folder = _cli.PathIn("asked");
        var (code, _, stderr) = await _cli.Run("run", scenario, "--members", "1", "--out", folder);
        Assert.True(code == 0, stderr);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<strong>Question:</strong> what if the lab had no API abroad?", html);
        Assert.Contains("<h1>small-test</h1>", html);
        Assert.Contains("Two countries, four labs, an export control, an API block and a rule.", html); // its description
        Assert.DoesNotContain("Median [P5–P95]</strong>", html);                                       // one member: no spread to explain
    }

    [Fact]
    public async Task Report_refuses_a_folder_that_is_not_a_run_s()
    {
        var empty = Directory.CreateDirectory(_cli.PathIn("empty")).FullName;
        var (code, _, stderr) = await _cli.Run("report", empty);
        Assert.Equal(2, code);
        Assert.Contains("holds no manifest.json", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(empty));
        (code, _, stderr) = await _cli.Run("report", _cli.PathIn("missing"));
        Assert.Equal(2, code);
        Assert.Contains("is not a folder", stderr);
    }

    [Fact]
    public async Task Compare_report_draws_each_scenario_s_gap_and_holds_the_table()
    {
        var folder = _cli.PathIn("compare");
        var (code, stdout, stderr) = await _cli.Run("compare", Teaching("open-weights.yaml"), Teaching("open-weights-closed.yaml"),
            "--at", "2023-04,2030-12", "--members", "5", "--report", folder);
        Assert.True(code == 0, stderr);
        Assert.Contains("report.html", stdout);
        var texts = SvgTexts(Path.Combine(folder, "charts", "compare-gap.svg"));
        var names = File.ReadLines(Teaching("open-weights.yaml")).First(l => l.StartsWith("name:", StringComparison.Ordinal))[5..].Trim();
        Assert.Contains($"{names} (reference)", texts);
        Assert.Contains(texts, t => t.StartsWith("teaching", StringComparison.Ordinal) && !t.EndsWith("(reference)", StringComparison.Ordinal) && !t.Contains("P5"));
        Assert.True(File.Exists(Path.Combine(folder, "charts", "compare-gap.png")));
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var firstRow = stdout.Split('\n').First(l => l.StartsWith(names, StringComparison.Ordinal));
        var cell = firstRow[names.Length..].Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Contains($"<td class=\"n\">{cell}</td>", html);        // the printed table's first cell, in the report
        Assert.DoesNotContain("<script", html);

        (code, _, stderr) = await _cli.Run("compare", Teaching("open-weights.yaml"), "--members", "2", "--report", folder);
        Assert.True(code == 0, stderr); // an earlier compare report is replaced
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        (code, _, stderr) = await _cli.Run("compare", Teaching("open-weights.yaml"), "--members", "2", "--report", folder);
        Assert.Equal(2, code);
        // Its manifest lists what compare wrote, so the next compare may replace it; a file of the user's protects it.
        Assert.Contains($"--report '{folder}' is an earlier output, but also holds 'notes.txt', which its manifest does not list", stderr);
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public async Task Calibrate_report_adds_the_calibration_table_to_a_run_s_report()
    {
        var folder = _cli.PathIn("run");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--out", folder);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("<h2>Calibration</h2>", File.ReadAllText(Path.Combine(folder, "report.html")));
        var targets = _cli.PathIn("targets.yaml");
        File.WriteAllText(targets, """
            targets:
              - { id: T-gap, what: CN behind US at the end, observed: a test value, source: this test, series: { entity: CN-US, metric: capability_gap_months }, statistic: at, from: 2023-12, range: [-100, 100] }
            """);
        (code, var stdout, stderr) = await _cli.Run("calibrate", "scenarios/small.yaml", "--targets", targets, "--report", folder);
        Assert.True(code == 0, stdout + stderr);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<h2>Calibration</h2>", html);
        Assert.Contains("T-gap: CN behind US at the end", html);
        Assert.Contains("1 of 1 targets pass.", html);
        Assert.Contains("calibration.json", Outputs(folder));

        var other = _cli.PathIn("other");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(folder, "manifest.json"), Path.Combine(other, "manifest.json"));
        (code, _, stderr) = await _cli.Run("calibrate", Teaching("open-weights.yaml"), "--targets", targets, "--report", other);
        Assert.Equal(2, code);
        Assert.Contains("holds a run of 'small-test'", stderr);
        Assert.False(File.Exists(Path.Combine(other, "calibration.json")));
    }

    [Fact]
    public async Task Calibrate_report_refuses_a_changed_scenario_of_the_same_name_and_a_fit()
    {
        var folder = _cli.PathIn("run");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--members", "2", "--out", folder, "--no-report");
        Assert.True(code == 0, stderr);
        var targets = _cli.PathIn("targets.yaml");
        File.WriteAllText(targets, """
            targets:
              - { id: T-gap, what: CN behind US at the end, observed: a test value, source: this test, series: { entity: CN-US, metric: capability_gap_months }, statistic: at, from: 2023-12, range: [-100, 100] }
            """);
        var changed = _cli.PathIn("changed.yaml");
        File.WriteAllText(changed, File.ReadAllText("scenarios/small.yaml").Replace("capability_noise_sd: 0.02", "capability_noise_sd: 0.03"));
        (code, _, stderr) = await _cli.Run("calibrate", changed, "--targets", targets, "--report", folder);
        Assert.Equal(2, code);
        Assert.Contains("holds a run of a different 'small-test': its resolved scenario differs at 'parameters.capability_noise_sd'", stderr);
        (code, _, stderr) = await _cli.Run("calibrate", "scenarios/small.yaml", "--targets", targets, "--fit", "parameters.capability_noise_sd", "--report", folder);
        Assert.Equal(2, code);
        Assert.Contains("--report", stderr);
        Assert.Contains("with --fit: the folder holds a run of the unfitted scenario", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "calibration.json")));
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
        // The same scenario with its own number of members is the run's.
        (code, var stdout, stderr) = await _cli.Run("calibrate", "scenarios/small.yaml", "--targets", targets, "--members", "3", "--report", folder);
        Assert.True(code == 0, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(folder, "calibration.json")));
    }

    public void Dispose() => _cli.Dispose();
}
