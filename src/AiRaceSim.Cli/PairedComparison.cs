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
        string F(double v) => (Math.Round(v, 2) == 0 ? 0 : v).ToString("F2", CultureInfo.InvariantCulture);
        string Signed(double v) => (Math.Round(v, 2) > 0 ? "+" : "") + F(v);
        var header = new[] { "scenario", "month", $"median of (scenario − {reference.Name}), months", "95 % interval", "share lower", "members",
            "median − median", "95 %, paired", "95 %, independent seeds", "narrower" };
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 1; i < loaded.Count; i++)
            for (int j = 0; j < months.Count; j++)
            {
                var r = PairedResult.Analyse(values[i][j], values[0][j]);
                var (d, t, u) = (r.MedianDifference, r.DifferenceOfMedians, r.UnpairedDifferenceOfMedians);
                rows.Add([loaded[i].Name, months[j].ToString(), Signed(d.Value), $"[{F(d.Low)}, {F(d.High)}]", r.ShareALower.ToString("P0", CultureInfo.InvariantCulture),
                    r.Members.ToString(CultureInfo.InvariantCulture), Signed(t.Value), $"[{F(t.Low)}, {F(t.High)}]", $"[{F(u.Low)}, {F(u.High)}]",
                    // A paired interval narrower than the table shows has no meaningful ratio.
                    t.High - t.Low >= 0.01 ? r.Narrowing.ToString("F1", CultureInfo.InvariantCulture) + "×" : "—"]);
            }
        stdout.WriteLine();
        stdout.WriteLine($"paired: every scenario on {reference.Name}'s seed {reference.Spec.Seed} and {Counted.Of(reference.Members, "member")}; member by member differences of the {o.Metric.Replace('_', ' ')} of {o.Pair}");
        PlainTable.Write(stdout, header, rows, o.Markdown, leftAligned: 2);
    }
}
