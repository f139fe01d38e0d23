using AiRaceSim.Model.Time;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>A dated mark on the charts: a scheduled event, or a threshold rule firing in the median member.</summary>
public sealed record EventMark(Month Date, string Label, string What);

/// <summary>
/// The events the charts mark: the scenario's scheduled events (export-control tiers, the API
/// block, open-weights releases, …) and the months a rule fired, read from the median member's
/// series: a rise of the target's export-control tier (or of its support) that no scheduled event
/// of that kind explains. Events of one month share a line.
/// </summary>
public static class EventMarks
{
    public static IReadOnlyList<EventMark> Of(RunInfo run, QuantileTable q)
    {
        var marks = run.Events.Where(e => e.Date >= run.Start && e.Date <= run.End)
            .Select(e => new EventMark(e.Date, e.Id, $"{e.Kind.Replace('_', ' ')}{(e.What.Length > 0 ? ": " + e.What : "")}")).ToList();
        foreach (var rule in run.Rules)
        {
            string? metric = rule.Kind switch { "export_control" => "export_control_tier", "support" => "support", _ => null };
            if (metric is null || rule.Target is null || q.Get(rule.Target, metric) is not { } series) continue;
            var scheduled = run.Events.Where(e => e.Kind == rule.Kind || (metric == "support" && e.Kind is "chip_fund" or "vouchers"))
                .Select(e => e.Date).ToHashSet();
            for (int t = 1; t < q.Months; t++)
            {
                double before = series.P50[t - 1], now = series.P50[t];
                var month = q.Start + t;
                if (now > before && !scheduled.Contains(month))
                    marks.Add(new EventMark(month, $"rule {rule.Id}", $"{rule.Government}: {rule.Kind.Replace('_', ' ')} rule fired (median member)"));
            }
        }
        return marks.OrderBy(m => m.Date).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>The vertical lines: one per month, numbered in date order, labelled "yyyy-MM names".</summary>
    public static IReadOnlyList<EventLine> Lines(IReadOnlyList<EventMark> marks) => marks
        .GroupBy(m => m.Date)
        .Select((g, i) => new EventLine(g.Key.Index, $"{g.Key} {string.Join(", ", g.Select(m => m.Label))}", i + 1))
        .ToList();
}
