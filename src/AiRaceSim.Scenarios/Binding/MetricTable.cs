using AiRaceSim.Model.Series;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// The metrics table of docs/SCENARIOS.md, read from <see cref="MetricRegistry"/> (a test keeps the
/// two equal): one row per metric and entity kind, in output order.
/// </summary>
public static class MetricTable
{
    public static IReadOnlyList<string> Rows() =>
        MetricRegistry.All.Select(m => $"| `{m.Name}` | {Kind(m.Kind)} | {m.Unit} | {m.Description} |").ToList();

    private static string Kind(EntityKind k) => k switch
    {
        EntityKind.World => "world",
        EntityKind.Country => "country",
        EntityKind.Pair => "pair `CN-US`",
        EntityKind.Firm => "firm",
        _ => "firm in a market `firm@CN`",
    };
}
