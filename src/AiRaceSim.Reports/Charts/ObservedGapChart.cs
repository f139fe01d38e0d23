using AiRaceSim.Model.Gaps;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Reports.Charts;

/// <summary>The gap of a follower behind a leader at one of the follower's dates, measured on observed step levels.</summary>
public sealed record ObservedGap(string Date, double Month, GapResult Gap);

/// <summary>
/// Time distance on observed dated series (`airace gap`): at each date the follower has an
/// observation, the kernel's irregular-series G2 (<see cref="TimeDistance.GapDated"/>) on the two
/// groups' running maxima, and the chart of levels and gaps.
/// </summary>
public static class ObservedGapChart
{
    public static IReadOnlyList<ObservedGap> Gaps(IReadOnlyList<DatedObservation> leader, IReadOnlyList<DatedObservation> follower)
    {
        var l = leader.Select(o => (o.Month, o.Value)).ToList();
        var f = follower.Select(o => (o.Month, o.Value)).ToList();
        return follower.GroupBy(o => o.Month).Select(g => new ObservedGap(g.First().Date, g.Key, TimeDistance.GapDated(l, f, g.Key))).ToList();
    }

    public static Figure Figure(string leaderName, string followerName, string valueLabel, IReadOnlyList<DatedObservation> leader,
        IReadOnlyList<DatedObservation> follower, IReadOnlyList<ObservedGap> gaps)
    {
        // Colours by group, not by role: a group that is a country id keeps its colour whichever leads.
        var palette = new Palette([leaderName, followerName]);
        var levels = new Panel($"Observed levels: {followerName} and {leaderName}", valueLabel);
        foreach (var (name, series, color) in new[] { (leaderName, leader, palette.Of(leaderName)), (followerName, follower, palette.Of(followerName)) })
        {
            levels.Points.Add(new Points(name, color, series.Select(o => o.Month).ToArray(), series.Select(o => o.Value).ToArray()));
            var (x, y) = Steps(series);
            levels.Lines.Add(new Line($"{name}, running maximum", color, x, y));
        }
        var gap = new Panel($"Months {followerName} is behind {leaderName} (at its dates)", "months behind");
        foreach (var (flag, name, filled) in new[] { (GapFlag.Exact, "gap", true), (GapFlag.AtLeast, "bound: at least", false), (GapFlag.AtMost, "bound: at most", false) })
        {
            var chosen = gaps.Where(g => g.Gap.Flag == flag && double.IsFinite(g.Gap.Months)).ToList();
            if (chosen.Count > 0)
                gap.Points.Add(new Points(name, flag == GapFlag.Exact ? palette.Of(followerName) : Palette.Neutral, chosen.Select(g => g.Month).ToArray(), chosen.Select(g => g.Gap.Months).ToArray(), filled));
        }
        return new Figure("gap", $"Time distance, {followerName} behind {leaderName}", [levels, gap], 2);
    }

    /// <summary>The running maximum as a step line: flat from each observation to the next.</summary>
    private static (double[] X, double[] Y) Steps(IReadOnlyList<DatedObservation> series)
    {
        var x = new List<double>();
        var y = new List<double>();
        double level = double.NegativeInfinity;
        foreach (var o in series)
        {
            if (x.Count > 0) { x.Add(o.Month); y.Add(level); }
            level = Math.Max(level, o.Value);
            x.Add(o.Month);
            y.Add(level);
        }
        return (x.ToArray(), y.ToArray());
    }
}
