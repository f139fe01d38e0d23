using System.Globalization;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Calibration;

/// <summary>Checks bounds on an ensemble's series: B1–B3 on the median member's series, B4 on every member.</summary>
public static class BoundEvaluator
{
    public static IEnumerable<SeriesKey> Needs(IEnumerable<Bound> bounds, WorldSpec spec) => bounds.SelectMany(b => b switch
    {
        MaxBound x => Entities(x, spec).Select(e => new SeriesKey(e, x.Metric)),
        StepBound s => [s.Series],
        RuleFiringBound => RuleFirings.Needs(spec),
        _ => [],
    }).Distinct();

    public static IReadOnlyList<BoundResult> Evaluate(IReadOnlyList<Bound> bounds, EnsembleSeries series, WorldSpec spec, Month now) =>
        bounds.Select(b => b switch
        {
            MaxBound x => Max(x, series, spec),
            StepBound s => Steps(s, series, spec),
            RuleFiringBound r => Rules(r, series, spec, now),
            _ => new BoundResult(b, false, "unknown kind of bound"),
        }).ToList();

    private static IEnumerable<string> Entities(MaxBound b, WorldSpec spec) =>
        b.Entities.SelectMany(e => e == MaxBound.EveryCountry ? spec.Countries.Select(c => c.Id) : [e]).Distinct();

    /// <summary>
    /// How long after its event a step may be excused (B3 "at a dated event"): a run that ends
    /// up to 6 months later, plus the month the world sees it.
    /// </summary>
    public const int ExceptionReachMonths = 7;

    public static BoundResult Max(MaxBound b, EnsembleSeries series, WorldSpec spec)
    {
        var from = Later(b.From ?? series.Start, series.Start);
        var to = Earlier(b.To ?? series.End, series.End);
        (string Entity, double Value, Month Month)? worst = null;
        foreach (var entity in Entities(b, spec))
        {
            var key = new SeriesKey(entity, b.Metric);
            if (!series.Has(key))
                return new BoundResult(b, false, SeriesCatalog.AllMetrics.Contains(b.Metric)
                    ? $"not checked: the scenario records no series {entity}/{b.Metric}"
                    : $"not checked: the model has no metric '{b.Metric}'");
            var median = series.MedianSeries(key);
            for (var t = from; t <= to; t += 1)
            {
                double v = median[t - series.Start];
                if (!double.IsNaN(v) && (worst is null || v > worst.Value.Value)) worst = (entity, v, t);
            }
        }
        if (worst is not { } w) return new BoundResult(b, false, $"not checked: no median value of {b.Metric} in {from}..{to}");
        return new BoundResult(b, w.Value <= b.AtMost, $"max {Target.Number(w.Value)} ({w.Entity}, {w.Month}); at most {Target.Number(b.AtMost)}");
    }

    public static BoundResult Steps(StepBound b, EnsembleSeries series, WorldSpec spec)
    {
        if (!series.Has(b.Series)) return new BoundResult(b, false, $"not checked: the scenario records no series {b.Series.Entity}/{b.Series.Metric}");
        var median = series.MedianSeries(b.Series);
        var to = Earlier(b.To ?? series.End, series.End);
        var problems = new List<string>();
        foreach (var e in b.Exceptions)
            if (spec.Events.FirstOrDefault(x => x.Name == e.Event) is not { } ev)
                problems.Add($"exception {e.Month} names event '{e.Event}', which the scenario does not have");
            else if (ev.Date > e.Month)
                problems.Add($"exception {e.Month} names event '{e.Event}' of {ev.Date}, after it");
            else if (e.Month - ev.Date > ExceptionReachMonths)
                problems.Add($"exception {e.Month} names event '{e.Event}' of {ev.Date}, more than {ExceptionReachMonths} months before it; a step is excused only at its event");
        if (b.Exceptions.Count > b.MostExceptions)
            problems.Add($"{b.Exceptions.Count} exceptions listed, at most {b.MostExceptions} allowed");
        var listed = b.Exceptions.Select(e => e.Month).ToHashSet();
        double largest = 0;
        var from = Later(b.From, series.Start);
        Month at = from;
        int above = 0;
        for (var t = from + 1; t <= to; t += 1)
        {
            double step = Math.Abs(median[t - series.Start] - median[t - 1 - series.Start]);
            if (double.IsNaN(step)) { problems.Add($"{t}: the median is undefined"); continue; }
            if (step > largest) { largest = step; at = t; }
            if (step > b.NeverAbove) problems.Add($"{t}: {N(step)} above {N(b.NeverAbove)}");
            else if (step > b.AtMost && !listed.Contains(t)) { above++; problems.Add($"{t}: {N(step)}"); }
        }
        int used = b.Exceptions.Count(e => e.Month > from && e.Month <= to && Math.Abs(median[e.Month - series.Start] - median[e.Month - 1 - series.Start]) > b.AtMost);
        string finding = $"largest step {N(largest)} at {at}{(listed.Contains(at) ? " (listed)" : "")}; {used} of {b.Exceptions.Count} listed months above {N(b.AtMost)}";
        if (problems.Count > 0)
            finding += $"; {(above > 0 ? $"{above} unlisted month{(above == 1 ? "" : "s")} above {N(b.AtMost)}: " : "")}{string.Join(", ", problems.Take(6))}{(problems.Count > 6 ? ", …" : "")}";
        return new BoundResult(b, problems.Count == 0, finding);
    }

    public static BoundResult Rules(RuleFiringBound b, EnsembleSeries series, WorldSpec spec, Month now)
    {
        if (spec.Rules.Count == 0) return new BoundResult(b, true, "the scenario has no threshold rules");
        var missing = RuleFirings.Needs(spec).Where(k => !series.Has(k)).ToList();
        if (missing.Count > 0) return new BoundResult(b, false, $"not checked: no series {string.Join(", ", missing.Select(k => $"{k.Entity}/{k.Metric}"))}");
        var firings = RuleFirings.Before(spec, series, now);
        if (firings.Count == 0) return new BoundResult(b, true, $"no rule fires before {now} in any of {series.Members} members");
        var byRule = firings.GroupBy(f => f.Rule).Select(g =>
            $"{g.Key}: {g.Select(f => f.Member).Distinct().Count()} member{(g.Select(f => f.Member).Distinct().Count() == 1 ? "" : "s")}, first {g.Min(f => f.Month)}");
        return new BoundResult(b, false, $"rules fire before {now}: {string.Join("; ", byRule)}");
    }

    private static Month Later(Month a, Month b) => a > b ? a : b;
    private static Month Earlier(Month a, Month b) => a < b ? a : b;

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
