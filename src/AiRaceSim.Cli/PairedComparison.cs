using System.Globalization;
using AiRaceSim.Experiments.Analyses;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

/// <summary>
/// `compare --paired`: every scenario on the reference's seed and members, so member m of each draws
/// the same numbers; per member, the gap of each scenario less the reference's, with the median
/// difference, its 95 % bootstrap interval, the share of members where the scenario is lower, and the
/// interval the same medians would have without the pairing (as with independent seeds).
/// </summary>
internal static class PairedComparison
{
    public static async Task WriteAsync(TextWriter stdout, CompareOptions o, IReadOnlyList<LoadedScenario> loaded, IReadOnlyList<Month> months, CancellationToken cancellation)
    {
        var reference = loaded[0];
        var outcomes = months.Select(m => new Outcome("gap_" + m, new SeriesKey(o.Pair, o.Metric), OutcomeKind.At, m)).ToList();
        var values = new List<double[][]>();
        foreach (var s in loaded)
            values.Add(await MemberOutcomes.RunAsync(s.Spec with { Seed = reference.Spec.Seed }, outcomes, reference.Members, s.BlockSize, cancellation));
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        var header = new[] { "scenario", "month", $"median of (scenario − {reference.Name}), months", "95 % paired interval", "share lower", "95 % unpaired interval", "narrower" };
        var rows = new List<string[]>();
        for (int i = 1; i < loaded.Count; i++)
            for (int j = 0; j < months.Count; j++)
            {
                var r = PairedResult.Analyse(values[i][j], values[0][j]);
                rows.Add([loaded[i].Name, months[j].ToString(), (r.MedianDifference.Value >= 0 ? "+" : "") + F(r.MedianDifference.Value),
                    $"[{F(r.MedianDifference.Low)}, {F(r.MedianDifference.High)}]", r.ShareALower.ToString("P0", CultureInfo.InvariantCulture),
                    $"[{F(r.UnpairedMedianDifference.Low)}, {F(r.UnpairedMedianDifference.High)}]",
                    double.IsFinite(r.Narrowing) ? r.Narrowing.ToString("F1", CultureInfo.InvariantCulture) + "×" : "—"]);
            }
        stdout.WriteLine();
        stdout.WriteLine($"paired: every scenario on {reference.Name}'s seed {reference.Spec.Seed} and {Counted.Of(reference.Members, "member")}; member by member differences of the {o.Metric.Replace('_', ' ')} of {o.Pair}");
        if (o.Markdown)
        {
            stdout.WriteLine("| " + string.Join(" | ", header) + " |");
            stdout.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
            foreach (var row in rows) stdout.WriteLine("| " + string.Join(" | ", row) + " |");
            return;
        }
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((x, c) => c < 2 ? x.PadRight(widths[c]) : x.PadLeft(widths[c])));
        stdout.WriteLine(Line(header));
        foreach (var row in rows) stdout.WriteLine(Line(row));
    }
}
