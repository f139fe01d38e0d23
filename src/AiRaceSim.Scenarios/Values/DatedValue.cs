using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>A step of a dated schedule, <c>[yyyy-MM, value]</c>: from that month on, the value applies.</summary>
internal sealed record DatedValue<T>(Month From, T Value) where T : notnull
{
    public static readonly CustomKind Kind = new(Bind, r => SchemaParts.Pair(
        typeof(T) == typeof(Param) ? SchemaParts.Param(r) : SchemaParts.Number(r)));

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is not YSequence { Items.Count: 2 } pair)
        {
            b.Diag.At(node, $"expected a pair [yyyy-MM, value] in {site.Key}, got {node.Describe()}{(node is YSequence ? $" of {((YSequence)node).Items.Count} items" : "")}");
            return null;
        }
        var month = b.Bind(pair.Items[0], typeof(Month), site);
        var value = b.Bind(pair.Items[1], typeof(T), site);
        if (month is null || value is null) return null;
        var dated = new DatedValue<T>((Month)month, (T)value);
        b.Map.SetNode(dated, node);
        b.Map.SetMember(dated, nameof(From), pair.Items[0]);
        return dated;
    }

    /// <summary>Reports steps out of date order (the kernel reads schedules in order); true when in order.</summary>
    public static bool CheckOrder(IReadOnlyList<DatedValue<T>> steps, Binder b, string key)
    {
        for (int i = 1; i < steps.Count; i++)
            if (steps[i].From <= steps[i - 1].From)
            {
                b.Diag.At(b.Map.At(steps[i], nameof(From)),
                    $"{key} steps must be in date order; {steps[i].From} does not come after {steps[i - 1].From}");
                return false;
            }
        return true;
    }
}
