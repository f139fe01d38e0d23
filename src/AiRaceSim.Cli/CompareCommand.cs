using System.Globalization;
using AiRaceSim.Calibration;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli;

public sealed record CompareOptions(IReadOnlyList<string> Scenarios, string Pair, IReadOnlyList<string> At, int? Members, bool Markdown, string Metric = "capability_gap_months");

/// <summary>
/// `airace compare`: the capability (or compute) gap of one country pair at chosen months, median and P5–P95
/// over members, for several scenarios side by side (the first is the reference the others are
/// compared with). Runs on the bare kernel, like calibrate.
/// </summary>
public static class CompareCommand
{
    public static async Task<int> ExecuteAsync(CompareOptions o, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var months = new List<Month>();
        foreach (var text in o.At)
        {
            if (!Month.TryParse(text, out var m)) { stderr.WriteLine($"airace: --at expects months like 2026-01, got '{text}'"); return ExitCodes.BadInput; }
            months.Add(m);
        }
        if (o.Metric is not ("capability_gap_months" or "compute_gap_months"))
        { stderr.WriteLine($"airace: --metric expects capability_gap_months or compute_gap_months, got '{o.Metric}'"); return ExitCodes.BadInput; }
        var parts = o.Pair.Split('-');
        if (parts.Length != 2) { stderr.WriteLine($"airace: --pair expects FOLLOWER-LEADER such as CN-US, got '{o.Pair}'"); return ExitCodes.BadInput; }
        var loaded = new List<LoadedScenario>();
        foreach (var file in o.Scenarios)
        {
            try { loaded.Add(ScenarioLoader.Load(file, new ScenarioOverrides(o.Members))); }
            catch (ScenarioException e) { foreach (var line in e.Lines) stderr.WriteLine(line); return ExitCodes.BadInput; }
        }
        var rows = new List<(string Name, IReadOnlyList<TargetResult> Results)>();
        foreach (var s in loaded)
        {
            var pairs = Model.State.WorldState.MeasuredPairs(s.Spec);
            if (!pairs.Contains(new Model.Parameters.GapPair(parts[0], parts[1])))
            {
                stderr.WriteLine($"airace: scenario '{s.Name}' does not measure the gap {o.Pair}; add {{ of: {parts[0]}, behind: {parts[1]} }} to its gaps");
                return ExitCodes.BadInput;
            }
            var outside = months.Where(m => m < s.Spec.Start || m > s.Spec.End).ToList();
            if (outside.Count > 0) { stderr.WriteLine($"airace: {string.Join(", ", outside)} is outside '{s.Name}' ({s.Spec.Start}..{s.Spec.End})"); return ExitCodes.BadInput; }
            var targets = months.Select(m => new Target
            {
                Id = m.ToString(), What = "", Observed = "", Source = "", Entity = o.Pair, Metric = o.Metric,
                Statistic = Statistic.At, From = m, To = m, Low = double.NegativeInfinity, High = double.PositiveInfinity,
            }).ToList();
            var results = await Task.Run(() => TargetRun.Evaluate(s.Spec, targets, s.Members, s.BlockSize, cancellation), cancellation);
            rows.Add((s.Name, results));
        }
        Write(stdout, o, months, rows);
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter stdout, CompareOptions o, List<Month> months, List<(string Name, IReadOnlyList<TargetResult> Results)> rows)
    {
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        string Cell(TargetResult r) => $"{F(r.Median)} [{F(r.P05)}–{F(r.P95)}]";
        string Delta(TargetResult r, TargetResult reference) => (r.Median - reference.Median >= 0 ? "+" : "") + F(r.Median - reference.Median);
        var header = new List<string> { "scenario" };
        foreach (var m in months) { header.Add($"{o.Pair} gap {m}, months"); header.Add($"vs {rows[0].Name}"); }
        var table = rows.Select(r =>
        {
            var cells = new List<string> { r.Name };
            for (int i = 0; i < months.Count; i++) { cells.Add(Cell(r.Results[i])); cells.Add(r == rows[0] ? "" : Delta(r.Results[i], rows[0].Results[i])); }
            return cells;
        }).ToList();
        int members = rows.Count > 0 ? rows[0].Results[0].Members : 0;
        stdout.WriteLine($"{o.Metric.Replace('_', ' ')} of {o.Pair}: median [P5–P95] over {Counted.Of(members, "member")}");
        if (o.Markdown)
        {
            stdout.WriteLine("| " + string.Join(" | ", header) + " |");
            stdout.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
            foreach (var row in table) stdout.WriteLine("| " + string.Join(" | ", row) + " |");
            return;
        }
        var widths = header.Select((h, i) => Math.Max(h.Length, table.Max(r => r[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        stdout.WriteLine(Line(header));
        foreach (var row in table) stdout.WriteLine(Line(row));
    }
}
