using System.Globalization;
using System.Text.RegularExpressions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// The teaching worlds (scenarios/teaching) show their lessons under model v2, in the numbers of a
/// small ensemble, with bounds taken from the scenarios' own parameters where they set them.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class TeachingWorldTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Teaching(string file) => Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "teaching", file);

    private async Task<(string Stdout, Quantiles Q, string Folder)> Run(string file, bool report = false)
    {
        var dir = _cli.PathIn(Path.GetFileNameWithoutExtension(file));
        string[] args = ["run", Teaching(file), "--members", "12", "--out", dir, .. report ? Array.Empty<string>() : ["--no-report"]];
        var (code, stdout, stderr) = await _cli.Run(args);
        Assert.True(code == 0, stdout + stderr);
        return (stdout, new Quantiles(Path.Combine(dir, "quantiles.csv")), dir);
    }

    /// <summary>U_max's range as the scenario draws it (distillation_uplift_cap: uniform low..high).</summary>
    private static (double Low, double High) UpliftCap(string file)
    {
        var m = Regex.Match(File.ReadAllText(Teaching(file)), @"distillation_uplift_cap: \{ dist: uniform, low: ([0-9.]+), high: ([0-9.]+) \}");
        Assert.True(m.Success, file);
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Teaching_open_weights_lift_the_entrant_s_deployed_model_from_its_first_month_and_china_s_trained_frontier_only_by_the_capped_uplift()
    {
        var open = await Run("open-weights.yaml", report: true);
        var closed = await Run("open-weights-closed.yaml");
        var entry = Month("2023-03");
        // Closed: the entrant starts at the world frontier of 2016-09 (its entry level), about 78 months behind.
        double behindAtEntry = entry - Month("2016-09");
        Assert.InRange(closed.Q.P50("entrant", "capability_gap_months", entry), 0.9 * behindAtEntry, 1.1 * behindAtEntry);
        // Open: from its first month it deploys the open model (K2), within two years of the frontier.
        Assert.True(open.Q.P50("entrant", "capability_gap_months", entry) < 24, open.Stdout);
        // The two worlds differ from the entrant's first month: by years then, by more than half a year in
        // every month of its first year, and by more than a year on average over that year.
        var firstYear = Enumerable.Range(entry, 12)
            .Select(t => closed.Q.P50("entrant", "capability_gap_months", t) - open.Q.P50("entrant", "capability_gap_months", t)).ToList();
        string shown = string.Join(", ", firstYear.Select(d => d.ToString("F1", CultureInfo.InvariantCulture)));
        Assert.True(firstYear[0] > 36 && firstYear.All(d => d > 6) && firstYear.Average() > 12, shown);

        // China's trained frontier (G1): the open world is ahead by the distillation uplift only, at most
        // U_max (its upper bound) over the leader's monthly progress, and by less than the entrant's deployed model.
        var (_, high) = UpliftCap("open-weights.yaml");
        int end = Month("2030-12"), from = end - 60;
        double usPerMonth = (open.Q.P50("US", "capability", end) - open.Q.P50("US", "capability", from)) / (end - from);
        foreach (int t in new[] { entry + 12, end - 24, end })
        {
            double country = closed.Q.P50("CN-US", "capability_gap_months", t) - open.Q.P50("CN-US", "capability_gap_months", t);
            double firm = closed.Q.P50("entrant", "capability_gap_months", t) - open.Q.P50("entrant", "capability_gap_months", t);
            Assert.InRange(country, 0.5, high / usPerMonth + 3);
            Assert.True(firm > country + 6, $"{t}: entrant {firm:F1} months, CN–US {country:F1} months");
        }

        // The summary shows the entrant's row, and no patent rows in a world without patents (report too).
        Assert.Contains("| capability gap, entrant behind the world", open.Stdout);
        Assert.DoesNotContain("cumulative patents", open.Stdout);
        var html = File.ReadAllText(Path.Combine(open.Folder, "report.html"));
        Assert.Contains("<td>capability gap, entrant behind the world frontier (months)</td>", html);
        Assert.DoesNotContain("cumulative patents", html);
        Assert.DoesNotContain("patents (cumulative patent families)", html);
    }

    [Fact]
    public async Task Teaching_api_access_cutting_the_api_widens_the_gap_by_at_least_the_uplift_lost()
    {
        var (stdout, q, _) = await Run("api-access.yaml");
        int block = Month("2024-07"), after = block + 18;
        // cn-lab distils with χγ ≥ 0.6 from a teacher an order of magnitude ahead: its uplift is U_max, at least its lower bound.
        var (low, _) = UpliftCap("api-access.yaml");
        double usPerMonth = (q.P50("US", "capability", after) - q.P50("US", "capability", block)) / (after - block);
        double lost = low / usPerMonth;
        double before = q.P50("CN-US", "capability_gap_months", block - 1), later = q.P50("CN-US", "capability_gap_months", after);
        Assert.True(later - before >= lost, $"gap {before:F1} → {later:F1} months, uplift lost ≥ {lost:F1} months\n{stdout}");
        // Before the block the gap barely moves: over the 18 months before it, by less than the uplift lost.
        Assert.True(Math.Abs(before - q.P50("CN-US", "capability_gap_months", block - 19)) < lost, stdout);
        Assert.True(q.P95("CN-US", "capability_gap_months", after) > q.P05("CN-US", "capability_gap_months", after) + 2, "bands are not flat");
    }

    [Fact]
    public async Task Teaching_export_controls_open_the_compute_gap_much_faster_than_the_capability_gap()
    {
        var (stdout, q, _) = await Run("export-controls.yaml");
        int now = Month("2022-09"), end = Month("2032-12");
        double capability = q.P50("CN-US", "capability_gap_months", end) - q.P50("CN-US", "capability_gap_months", now);
        double compute = q.P50("CN-US", "compute_gap_months", end) - q.P50("CN-US", "compute_gap_months", now);
        Assert.True(capability > 3, $"the controls open the capability gap too: {capability:F1}\n{stdout}");
        // Capability grows by compute and algorithms, so a FLOP shortfall is fewer months of capability:
        // at least the ratio of the leader's capability growth to its run growth.
        double ratio = (q.P50("US", "capability", end) - q.P50("US", "capability", now))
            / (q.P50("US", "largest_run_log_flop", end) - q.P50("US", "largest_run_log_flop", now));
        Assert.True(ratio > 1.5, $"{ratio:F2}");
        Assert.True(compute > ratio * capability * 0.8 && compute > 2 * capability, $"compute gap +{compute:F1}, capability gap +{capability:F1} months, ratio {ratio:F2}\n{stdout}");
        // The Chinese lab deploys the open US model (a floor, K2), so its own gap stays below China's trained gap.
        Assert.True(q.P50("cn-lab", "capability_gap_months", end) < q.P50("CN-US", "capability_gap_months", end) - 3, stdout);
    }

    [Fact]
    public async Task A_summary_row_no_member_has_a_nonzero_value_in_is_left_out_and_the_others_stay()
    {
        // scenarios/small.yaml with patent propensity 0: patents are 0 in every member, so their rows go; the rest stay.
        var scenario = _cli.PathIn("no-patents.yaml");
        File.WriteAllText(scenario, File.ReadAllText("scenarios/small.yaml").Replace("propensity: 0.5", "propensity: 0").Replace("propensity: 1.0", "propensity: 0"));
        var dir = _cli.PathIn("no-patents");
        var (code, stdout, stderr) = await _cli.Run("run", scenario, "--out", dir);
        Assert.True(code == 0, stdout + stderr);
        Assert.DoesNotContain("cumulative patents", stdout);
        Assert.Contains("capability gap, CN behind US (months)", stdout);
        Assert.Contains("share of installed compute, US", stdout);
        // small.yaml has four firms: each gets its row.
        Assert.Contains("| capability gap, cn-entrant behind the", stdout);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.DoesNotContain("<td>cumulative patents", html);
        Assert.Contains("<td>share of installed compute, US</td>", html);
    }

    private static int Month(string m) => AiRaceSim.Model.Time.Month.Parse(m).Index;

    /// <summary>quantiles.csv read by (entity, metric, month index).</summary>
    private sealed class Quantiles
    {
        private readonly Dictionary<(string, string, int), string[]> _rows = [];

        public Quantiles(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var f = line.Split(',');
                _rows[(f[1], f[2], Month(f[0]))] = f;
            }
        }

        private double Get(string entity, string metric, int month, int column) =>
            _rows.TryGetValue((entity, metric, month), out var f) && f[column].Length > 0
                ? double.Parse(f[column], CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"no {entity} {metric} at {month}");

        public double P05(string entity, string metric, int month) => Get(entity, metric, month, 4);
        public double P50(string entity, string metric, int month) => Get(entity, metric, month, 6);
        public double P95(string entity, string metric, int month) => Get(entity, metric, month, 8);
    }
}
