using System.Text.Json.Nodes;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>
/// A value that is constant, or changes at dates: <c>0.4</c> or <c>[[2020-01, 0.04], [2024-01, 0.4]]</c>.
/// <typeparamref name="T"/> is <see cref="Param"/> (funding growth) or double (frontier-run share).
/// </summary>
internal sealed record Schedule<T>(T? Single, IReadOnlyList<DatedValue<T>>? Steps) where T : notnull
{
    public static readonly CustomKind Kind = new(Bind, r => new JsonObject
    {
        ["anyOf"] = new JsonArray(
            typeof(T) == typeof(Param) ? SchemaParts.Param(r) : SchemaParts.Number(r),
            new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = DatedValue<T>.Kind.Schema(r) }),
    });

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is not YSequence seq)
            return b.Bind(node, typeof(T), site) is T single ? new Schedule<T>(single, null) : null;
        if (seq.Items.Count == 0)
        {
            b.Diag.At(node, $"{site.Key} has no steps; give a value or at least one [yyyy-MM, value]");
            return null;
        }
        int before = b.Diag.Count;
        var steps = (List<DatedValue<T>>?)b.Bind(node, typeof(List<DatedValue<T>>), site);
        if (steps is null || b.Diag.Count > before || !DatedValue<T>.CheckOrder(steps, b, site.Key)) return null;
        return new Schedule<T>(default, steps);
    }
}
