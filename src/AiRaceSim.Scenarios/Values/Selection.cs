using System.Text.Json.Nodes;
using AiRaceSim.Model.Series;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>Which series to keep: <c>all</c> (null names) or a list of names.</summary>
internal abstract record Selection(IReadOnlyList<string>? Names)
{
    protected static object? Bind(YNode node, Binder b, Site site, Func<IReadOnlyList<string>?, Selection> make, bool noneAllowed = false)
    {
        if (node is YScalar { Value: "all" } all)
        {
            all.Typed = JsonValue.Create("all");
            return make(null);
        }
        if (noneAllowed && node is YScalar { Value: "none" } none)
        {
            none.Typed = JsonValue.Create("none");
            return make([]);
        }
        if (node is YSequence)
            return b.Bind(node, typeof(List<string>), site) is List<string> names ? make(names) : null;
        b.Diag.At(node, noneAllowed
            ? $"expected 'all', 'none' or a list of metric names, got {node.Describe()}"
            : $"expected 'all' or a list of names, got {node.Describe()}");
        return null;
    }

    protected static JsonObject Schema(JsonObject item, bool noneAllowed = false) => new()
    {
        ["anyOf"] = noneAllowed
            ? new JsonArray(new JsonObject { ["enum"] = new JsonArray("all", "none") }, new JsonObject { ["type"] = "array", ["items"] = item })
            : new JsonArray(new JsonObject { ["const"] = "all" }, new JsonObject { ["type"] = "array", ["items"] = item }),
    };

    protected static JsonObject MetricNames() => new() { ["enum"] = new JsonArray(SeriesCatalog.AllMetrics.Select(m => (JsonNode)m).ToArray()) };
}

/// <summary>Metric names, from <see cref="SeriesCatalog.AllMetrics"/>.</summary>
internal sealed record MetricSelection(IReadOnlyList<string>? Names) : Selection(Names)
{
    public static readonly CustomKind Kind = new(
        (n, b, s) => Bind(n, b, s, names => new MetricSelection(names)),
        _ => Schema(MetricNames()));
}

/// <summary>The metrics written per member: <c>all</c> (null names), <c>none</c> (no names) or a list of metric names.</summary>
internal sealed record PerMemberSelection(IReadOnlyList<string>? Names) : Selection(Names)
{
    public static readonly CustomKind Kind = new(
        (n, b, s) => Bind(n, b, s, names => new PerMemberSelection(names), noneAllowed: true),
        _ => Schema(MetricNames(), noneAllowed: true));
}

/// <summary>Entity ids: world, a country, a firm, a gap pair "CN-US", or "firm@COUNTRY".</summary>
internal sealed record EntitySelection(IReadOnlyList<string>? Names) : Selection(Names)
{
    public static readonly CustomKind Kind = new(
        (n, b, s) => Bind(n, b, s, names => new EntitySelection(names)),
        _ => Schema(new JsonObject { ["type"] = "string" }));
}
