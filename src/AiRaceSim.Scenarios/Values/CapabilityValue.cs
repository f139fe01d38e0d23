using System.ComponentModel;
using System.Text.Json.Nodes;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>Capability at entry: a level (log10 effective FLOP) or the world frontier of a past month.</summary>
internal sealed record CapabilityValue(double? Level, FrontierAtDocument? Past)
{
    public static readonly CustomKind Kind = new(Bind, _ => new JsonObject
    {
        ["anyOf"] = new JsonArray(SchemaParts.Number(null), SchemaParts.Ref("frontier_at")),
    });

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is YMap map)
        {
            int before = b.Diag.Count;
            var past = (FrontierAtDocument)b.BindObject(map, typeof(FrontierAtDocument), site);
            return b.Diag.Count > before ? null : new CapabilityValue(null, past);
        }
        if (Scalars.TryNumber(node, out var x))
        {
            if (!b.CheckRange(node, x, site)) return null;
            ((YScalar)node).Typed = JsonValue.Create(x);
            return new CapabilityValue(x, null);
        }
        b.Diag.At(node, $"expected a capability level (log10 FLOP) or {{frontier_at: yyyy-MM}}, got {Scalars.Got(node)}");
        return null;
    }
}

[Description("Start with the world frontier capability of a past month (\"we had nothing\").")]
internal sealed class FrontierAtDocument
{
    [Description("The month whose world frontier the firm starts with: at or after the scenario start, before the entry.")]
    public required Month FrontierAt { get; init; }
}
