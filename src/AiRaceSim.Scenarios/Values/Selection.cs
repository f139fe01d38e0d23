using System.Text.Json.Nodes;
using AiRaceSim.Model.Series;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>Which series to keep: <c>all</c> (null names) or a list of names.</summary>
internal abstract record Selection(IReadOnlyList<string>? Names)
{
    protected static object? Bind(YNode node, Binder b, Site site, Func<IReadOnlyList<string>?, Selection> make)
    {
        if (node is YScalar { Value: "all" } all)
        {
            all.Typed = JsonValue.Create("all");
            return make(null);
        }
        if (node is YSequence)
            return b.Bind(node, typeof(List<string>), site) is List<string> names ? make(names) : null;
        b.Diag.At(node, $"expected 'all' or a list of names, got {node.Describe()}");
        return null;
    }

    protected static JsonObject Schema(JsonObject item) => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["const"] = "all" }, new JsonObject { ["type"] = "array", ["items"] = item }),
    };
}

/// <summary>Metric names, from <see cref="SeriesCatalog.AllMetrics"/>.</summary>
internal sealed record MetricSelection(IReadOnlyList<string>? Names) : Selection(Names)
{
    public static readonly CustomKind Kind = new(
        (n, b, s) => Bind(n, b, s, names => new MetricSelection(names)),
        _ => Schema(new JsonObject { ["enum"] = new JsonArray(SeriesCatalog.AllMetrics.Select(m => (JsonNode)m).ToArray()) }));
}

/// <summary>Entity ids: world, a country, a firm, a gap pair "CN-US", or "firm@COUNTRY".</summary>
internal sealed record EntitySelection(IReadOnlyList<string>? Names) : Selection(Names)
{
    public static readonly CustomKind Kind = new(
        (n, b, s) => Bind(n, b, s, names => new EntitySelection(names)),
        _ => Schema(new JsonObject { ["type"] = "string" }));
}
