using AiRaceSim.Model.Time;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>A dated mark on the charts: a scheduled event, or a threshold rule firing in the median across members.</summary>
public sealed record EventMark(Month Date, string Label, string What);

/// <summary>
/// The events the charts mark: the scenario's scheduled events (export-control tiers, the API
/// block, open-weights releases, …) and the months a rule fired, read from the median across
/// members: a rise of the target's export-control tier (or of its support) that no scheduled event
/// of that kind explains. The median of an even number of members averages the two middle ones,
/// so one firing can raise it over consecutive months: a run of rising months is one firing,
/// marked at the month the median reaches its new plateau. Events of one month share a line.
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
            foreach (var (from, to) in Firings(series.P50, q.Start, scheduled))
                marks.Add(new EventMark(to, $"rule {rule.Id} (median)", $"{rule.Government}: {rule.Kind.Replace('_', ' ')} rule fired, in the median across members"
                    + (from == to ? "" : $" (it rose from {from} to {to}: members fired in different months)")));
        }
        return marks.OrderBy(m => m.Date).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The firings a median series shows: each run of consecutive months in which it rises (months
    /// of a scheduled event excepted), as its first month and the month it reaches the new plateau.
    /// </summary>
    public static IReadOnlyList<(Month From, Month To)> Firings(IReadOnlyList<double> median, Month start, IReadOnlySet<Month> scheduled)
    {
        var firings = new List<(Month, Month)>();
        bool Rises(int t) => median[t] > median[t - 1] && !scheduled.Contains(start + t);
        for (int t = 1; t < median.Count; t++)
        {
            if (!Rises(t)) continue;
            int end = t;
            while (end + 1 < median.Count && Rises(end + 1)) end++;
            firings.Add((start + t, start + end));
            t = end;
        }
        return firings;
    }

    /// <summary>The vertical lines: one per month, numbered in date order, labelled "yyyy-MM names".</summary>
    public static IReadOnlyList<EventLine> Lines(IReadOnlyList<EventMark> marks) => marks
        .GroupBy(m => m.Date)
        .Select((g, i) => new EventLine(g.Key.Index, $"{g.Key} {string.Join(", ", g.Select(m => m.Label))}", i + 1))
        .ToList();
}
