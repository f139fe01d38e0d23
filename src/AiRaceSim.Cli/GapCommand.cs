using System.CommandLine;
using System.Globalization;
using System.Text;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Output;
using AiRaceSim.Reports.Charts;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Cli;

public sealed record GapOptions(string File, string Date, string Group, string Value, string Leader, string Follower, bool Log10, string? Out);

/// <summary>
/// `airace gap <file.csv>`: the time distance between two groups of an observed dated series (for
/// example Epoch AI's models: date, country, training compute), at each of the follower's dates,
/// with the kernel's irregular-series G2. Writes gap.csv (<c>date,follower,leader,gap_months,flag</c>)
/// and the chart gap.png / gap.svg. Bad input: a message naming file, line and column, exit 2, nothing written.
/// </summary>
public static class GapCommand
{
    public const string Header = "date,follower,leader,gap_months,flag";
    private static readonly string[] Written = ["gap.csv", "gap.png", "gap.svg"];

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "CSV file with one row per observation (e.g. data/epoch/large-scale-ai-models-to-2023.csv)" };
        Option<string> Text(string name, string description, string value) => new(name) { Description = description, DefaultValueFactory = _ => value };
        var date = Text("--date", "Date column: yyyy-MM-dd (a day counts as the fraction of its month) or yyyy-MM", "date");
        var group = Text("--group", "Group column (such as the country; the default, country_id, is the scenario id data/epoch's file maps each row's country to)", "country_id");
        var value = Text("--value", "Value column (the level compared)", "training_compute_flop");
        var leader = Text("--leader", "The leading group", "US");
        var follower = Text("--follower", "The following group", "CN");
        var log10 = new Option<bool>("--log10") { Description = "Take values as log10 of the column (levels on the chart; the gap is the same)" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder, new or empty (default results/gap-<file name>/); it receives gap.csv, gap.png, gap.svg" };
        var command = new Command("gap", "Time distance between two groups of an observed dated series") { file, date, group, value, leader, follower, log10, output };
        command.SetAction(parse => Execute(new GapOptions(parse.GetValue(file)!, parse.GetValue(date)!, parse.GetValue(group)!, parse.GetValue(value)!,
            parse.GetValue(leader)!, parse.GetValue(follower)!, parse.GetValue(log10), parse.GetValue(output)), stdout, stderr));
        return command;
    }

    public static int Execute(GapOptions o, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyDictionary<string, List<DatedObservation>> groups;
        try { groups = DatedSeriesFile.Read(o.File, o.Date, o.Group, o.Value, o.Log10); }
        catch (DatedSeriesException e) { stderr.WriteLine(e.Message); return ExitCodes.BadInput; }
        foreach (var name in new[] { o.Leader, o.Follower })
            if (!groups.ContainsKey(name))
            {
                stderr.WriteLine($"{o.File}: no row of group '{name}' with a value in column '{o.Value}'; groups in column '{o.Group}': {string.Join(", ", groups.Keys.Order(StringComparer.Ordinal))}");
                return ExitCodes.BadInput;
            }
        string destination = o.Out ?? Path.Combine("results", "gap-" + Path.GetFileNameWithoutExtension(o.File));
        OutputFolder folder;
        try { folder = OutputFolder.Take(destination, [o.File]); }
        catch (OutputFolderException e) { stderr.WriteLine($"airace: {e.Message}"); return ExitCodes.BadInput; }
        using var _ = folder;
        var gaps = ObservedGapChart.Gaps(groups[o.Leader], groups[o.Follower]);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var g in gaps)
            csv.Append(TidyCsvWriter.Quote(g.Date)).Append(',').Append(TidyCsvWriter.Quote(o.Follower)).Append(',').Append(TidyCsvWriter.Quote(o.Leader)).Append(',')
                .Append(double.IsFinite(g.Gap.Months) ? (Math.Round(g.Gap.Months, 9) + 0.0 /* months to 1e-9 (dates are days); −0 prints as 0 */).ToString("R", CultureInfo.InvariantCulture) : "").Append(',').Append(FlagName(g.Gap.Flag)).Append('\n');
        File.WriteAllText(folder.PathOf("gap.csv"), csv.ToString(), new UTF8Encoding(false));
        string label = o.Log10 ? $"log10 {o.Value}" : o.Value;
        FigureRenderer.Save(ObservedGapChart.Figure(o.Leader, o.Follower, label, groups[o.Leader], groups[o.Follower], gaps), folder.Temporary);
        RunManifest.WriteListing(folder.Temporary, "gap", Written);
        folder.Commit();
        var exact = gaps.Where(g => g.Gap.Flag == GapFlag.Exact).ToList();
        stdout.WriteLine($"{o.Follower} behind {o.Leader} at {gaps.Count} dates of {o.Follower}: {exact.Count} measured, {gaps.Count - exact.Count} bounds or undefined"
            + (exact.Count > 0 ? $"; last measured {exact[^1].Date}: {exact[^1].Gap.Months.ToString("F1", CultureInfo.InvariantCulture)} months" : ""));
        stdout.WriteLine($"wrote {string.Join(", ", Written)}, manifest.json to {destination}");
        return ExitCodes.Ok;
    }

    /// <summary>The flag column: exact, at_least (the gap is at least this), at_most, extrapolated, undefined (a side has no level yet).</summary>
    public static string FlagName(GapFlag flag) => flag switch
    {
        GapFlag.Exact => "exact", GapFlag.AtLeast => "at_least", GapFlag.AtMost => "at_most", GapFlag.Extrapolated => "extrapolated", _ => "undefined",
    };
}
