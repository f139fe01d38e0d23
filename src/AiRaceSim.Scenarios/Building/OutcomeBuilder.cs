using System.Text.RegularExpressions;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>The scenario's outcomes, checked against the series the built scenario can record; or the default set.</summary>
internal static partial class OutcomeBuilder
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    public static IReadOnlyList<Outcome> Build(List<OutcomeDocument>? outcomes, WorldSpec spec, Month now, BuildContext c)
    {
        if (outcomes is null) return Default(spec, now);
        var keys = new SeriesCatalog(spec).Keys;
        var entities = keys.Select(k => k.Entity).Distinct().ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var built = new List<Outcome>();
        foreach (var o in outcomes)
        {
            if (c.Map.IsBroken(o)) continue;
            if (!NamePattern().IsMatch(o.Name))
                c.Error(o, nameof(o.Name), $"outcome name '{Excerpt.Of(o.Name)}' is not valid; use letters, digits and '_', starting with a letter (it names a column of outcomes.csv)");
            else if (!names.Add(o.Name) || o.Name == "member")
                c.Error(o, nameof(o.Name), $"outcome name '{o.Name}' is {(o.Name == "member" ? "the member column" : "used twice")}; give each outcome its own name");
            var key = new SeriesKey(o.Entity, o.Metric);
            if (!entities.Contains(o.Entity))
            {
                string hint = !c.Diag.Full && Suggestions.Closest(o.Entity, entities) is { } s ? $"did you mean '{s}'?" : "use world, a country id, a measured gap such as CN-US, a firm id or firm@COUNTRY";
                c.Error(o, nameof(o.Entity), $"unknown entity '{Excerpt.Of(o.Entity)}'; {hint}");
                continue;
            }
            if (!keys.Contains(key))
            {
                var metrics = keys.Where(k => k.Entity == o.Entity).Select(k => k.Metric).ToList();
                string hint = !c.Diag.Full && Suggestions.Closest(o.Metric, metrics) is { } s ? $"did you mean '{s}'?" : "the metrics of each entity are listed in docs/SCENARIOS.md";
                c.Error(o, nameof(o.Metric), $"{o.Entity} has no metric '{Excerpt.Of(o.Metric)}'; {hint}");
                continue;
            }
            var given = new (string Member, bool Set)[]
            {
                (nameof(o.At), o.At is not null), (nameof(o.FirstBelow), o.FirstBelow is not null), (nameof(o.FirstAbove), o.FirstAbove is not null),
                (nameof(o.MaxFrom), o.MaxFrom is not null), (nameof(o.MinFrom), o.MinFrom is not null),
            }.Where(g => g.Set).ToList();
            if (given.Count != 1)
            {
                c.Error(c.Map.Node(o), given.Count == 0
                    ? $"outcome '{o.Name}' does not say how to reduce its series; give one of at, first_below, first_above, max_from, min_from"
                    : $"outcome '{o.Name}' gives {given.Count} of at, first_below, first_above, max_from, min_from; give exactly one");
                continue;
            }
            var outcome = o switch
            {
                { At: { } m } => new Outcome(o.Name, key, OutcomeKind.At, m),
                { MaxFrom: { } m } => new Outcome(o.Name, key, OutcomeKind.MaxFrom, m),
                { MinFrom: { } m } => new Outcome(o.Name, key, OutcomeKind.MinFrom, m),
                { FirstBelow: { } x } => new Outcome(o.Name, key, OutcomeKind.FirstBelow, Threshold: x),
                _ => new Outcome(o.Name, key, OutcomeKind.FirstAbove, Threshold: o.FirstAbove!.Value),
            };
            if (!outcome.IsMonth && !c.Inside(o, given[0].Member, outcome.Month, $"outcome '{o.Name}' month")) continue;
            built.Add(outcome);
        }
        return built;
    }

    /// <summary>For each measured gap: its value at the end, the first month the follower leads, its largest value from 'now' on.</summary>
    public static IReadOnlyList<Outcome> Default(WorldSpec spec, Month now)
    {
        var list = new List<Outcome>();
        foreach (var p in Model.State.WorldState.MeasuredPairs(spec))
        {
            var key = new SeriesKey(SeriesCatalog.PairName(p), "capability_gap_months");
            string pair = $"{p.Of}_{p.Behind}";
            list.Add(new Outcome($"gap_{pair}_at_end", key, OutcomeKind.At, spec.End));
            list.Add(new Outcome($"first_lead_{pair}", key, OutcomeKind.FirstBelow, Threshold: 0));
            list.Add(new Outcome($"largest_gap_{pair}_from_now", key, OutcomeKind.MaxFrom, now));
        }
        return list;
    }
}
