using System.Globalization;
using AiRaceSim.Calibration;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

public sealed record CompareOptions(IReadOnlyList<string> Scenarios, string Pair, IReadOnlyList<string> At, int? Members, bool Markdown, string Metric = "capability_gap_months", string? Report = null, bool Paired = false);

/// <summary>
/// `airace compare`: the capability (or compute) gap of one country pair at chosen months, median and P5–P95
/// over members, for several scenarios side by side (the first is the reference the others are
/// compared with). Runs the <see cref="GapComparison"/> workflow per scenario (the in-process driver, like calibrate).
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
        if (o.Paired && loaded.Count < 2) { stderr.WriteLine("airace: --paired compares scenarios with the first one; give at least two"); return ExitCodes.BadInput; }
        if (o.Paired && loaded.Select(s => s.Members).Distinct().Count() > 1)
        {
            stderr.WriteLine($"airace: --paired needs the same members in every scenario (they have {string.Join(", ", loaded.Select(s => $"{s.Name} {s.Members}"))}); give --members");
            return ExitCodes.BadInput;
        }
        // The report folder is taken (checked and locked) before the scenarios run: a bad one costs nothing.
        Output.OutputFolder? output = null;
        if (o.Report is { } dir)
        {
            try { output = Output.OutputFolder.Take(dir, o.Scenarios); }
            catch (Output.OutputFolderException e) { stderr.WriteLine($"airace: {e.Message.Replace("--out", "--report")}"); return ExitCodes.BadInput; }
        }
        using var _ = output;
        var rows = new List<(string Name, IReadOnlyList<TargetResult> Results)>();
        var series = new List<Reports.CompareSeries>();
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
            // With --report, every month of the scenario too (one run gives both).
            var result = await GapComparison.RunAsync(s, o.Pair, o.Metric, months, everyMonth: o.Report is not null, cancellation);
            rows.Add((s.Name, result.AtMonths));
            if (o.Report is not null)
                series.Add(new Reports.CompareSeries(s.Name, result.EveryMonth.Select(r => (double)r.Target.From.Index).ToArray(),
                    result.EveryMonth.Select(r => r.Median).ToArray(), result.EveryMonth.Select(r => r.P05).ToArray(), result.EveryMonth.Select(r => r.P95).ToArray()));
        }
        var (header, table, members) = Table(o, months, rows);
        Write(stdout, o, header, table, members);
        if (o.Paired) await PairedComparison.WriteAsync(stdout, o, loaded, months, cancellation);
        if (output is not null)
        {
            Reports.CompareReport.Write(output.Temporary, o.Pair, o.Metric, members, series, header, table);
            Output.RunManifest.WriteListing(output.Temporary, "compare", Reports.CompareReport.Files);
            output.Commit();
            stdout.WriteLine($"wrote {string.Join(", ", Reports.CompareReport.Files)}, manifest.json to {o.Report}");
        }
        return ExitCodes.Ok;
    }

    private static (List<string> Header, List<IReadOnlyList<string>> Table, int Members) Table(CompareOptions o, List<Month> months,
        List<(string Name, IReadOnlyList<TargetResult> Results)> rows)
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
            return (IReadOnlyList<string>)cells;
        }).ToList();
        int members = rows.Count > 0 && rows[0].Results.Count > 0 ? rows[0].Results[0].Members : 0;
        return (header, table, members);
    }

    private static void Write(TextWriter stdout, CompareOptions o, List<string> header, List<IReadOnlyList<string>> table, int members)
    {
        stdout.WriteLine($"{o.Metric.Replace('_', ' ')} of {o.Pair}: median [P5–P95] over {Counted.Of(members, "member")}");
        PlainTable.Write(stdout, header, table, o.Markdown);
    }
}
