using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>The series to keep: metric names from the catalog, entities from the series the scenario records.</summary>
internal static class OutputBuilder
{
    public static IReadOnlyList<string>? Metrics(OutputsDocument? outputs, BuildContext c)
    {
        if (outputs?.Metrics?.Names is not { } names) return null;
        Check(names, SeriesCatalog.AllMetrics.ToList(), c, "metric", "the metrics are listed in docs/SCENARIOS.md");
        return names;
    }

    /// <summary>
    /// The metrics written member by member: null when the scenario leaves it to the run's default,
    /// none (empty), or names, which must be among the metrics kept.
    /// </summary>
    public static IReadOnlyList<string>? PerMember(OutputsDocument? outputs, IReadOnlyList<string>? kept, BuildContext c)
    {
        if (outputs?.PerMember is not { } selection) return null;
        if (selection.Names is not { } names) return kept ?? SeriesCatalog.AllMetrics.ToList();
        Check(names, SeriesCatalog.AllMetrics.ToList(), c, "metric", "the metrics are listed in docs/SCENARIOS.md");
        if (kept is null) return names;
        for (int i = 0; i < names.Count; i++)
        {
            if (kept.Contains(names[i]) || !SeriesCatalog.AllMetrics.Contains(names[i])) continue;
            var at = c.Map.Member(names, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? c.Map.Node(names);
            c.Error(at, $"per_member metric '{names[i]}' is not among outputs.metrics, so it is not recorded; add it to metrics or leave it out here");
        }
        return names;
    }

    /// <summary>Checked against the entities of the built scenario's full series catalog, so only once it builds.</summary>
    public static IReadOnlyList<string>? Entities(OutputsDocument? outputs, WorldSpec spec, BuildContext c)
    {
        if (outputs?.Entities?.Names is not { } names) return null;
        var known = new SeriesCatalog(spec).Keys.Select(k => k.Entity).Distinct().ToList();
        Check(names, known, c, "entity", "use world, a country id, a firm id, a measured gap such as CN-US, or firm@COUNTRY for a firm selling there");
        return names;
    }

    private static void Check(IReadOnlyList<string> names, List<string> known, BuildContext c, string what, string fallback)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (set.Contains(names[i])) continue;
            var at = c.Map.Member(names, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? c.Map.Node(names);
            string hint = !c.Diag.Full && Suggestions.Closest(names[i], known) is { } s ? $"did you mean '{s}'?" : fallback;
            c.Error(at, $"unknown {what} '{Excerpt.Of(names[i])}'; {hint}");
        }
    }
}
