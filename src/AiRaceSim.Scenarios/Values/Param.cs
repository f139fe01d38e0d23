using System.Text.Json.Nodes;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>A number, or a distribution map drawn once per ensemble member: the kernel's <see cref="Distribution"/>.</summary>
internal sealed record Param(Distribution Value)
{
    public static readonly CustomKind Kind = new(Bind, SchemaParts.Param);

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is YMap map) return BindDistribution(map, b, site);
        if (!Scalars.TryNumber(node, out var x))
        {
            b.Diag.At(node, $"expected a number or a distribution such as {{dist: lognormal, median: 8, p95: 14}}, got {Scalars.Got(node)}{Scalars.QuoteHint(node)}");
            return null;
        }
        ((YScalar)node).Typed = JsonValue.Create(x);
        if (!b.CheckRange(node, x, site)) return null;
        var p = new Param(new Fixed(x));
        b.Map.SetNode(p, node);
        return p;
    }

    private static Param? BindDistribution(YMap map, Binder b, Site site)
    {
        string families = string.Join(", ", DistributionDocument.Families.Keys);
        var distNode = map.Get("dist");
        if (distNode is null)
        {
            b.Diag.At(map, $"missing key 'dist' {site.Context.Where}; a distribution names its family, one of: {families}");
            return null;
        }
        if (distNode is not YScalar name || !DistributionDocument.Families.TryGetValue(name.Value, out var type))
        {
            string given = distNode is YScalar s ? s.Value : distNode.Describe();
            b.Diag.At(distNode, $"unknown distribution '{Excerpt.Of(given)}'" + Suggestions.Hint(given, DistributionDocument.Families.Keys, "use one of"));
            return null;
        }
        int before = b.Diag.Count;
        var doc = (DistributionDocument)b.BindObject(map, type, site);
        if (b.Diag.Count > before) return null;
        if (doc.Check() is var (member, message))
        {
            b.Diag.At(b.Map.At(doc, member), message);
            return null;
        }
        var d = doc.ToDistribution();
        if (site.Range is { } r && DistributionSupport.Outside(d, name.Value, r) is { } why)
        {
            b.Diag.At(map, $"{site.Key} must be {r.Text}{(r.EveryDraw ? " in every draw" : "")}, but {why}; choose parameters or a family that stay in range");
            return null;
        }
        var p = new Param(d);
        b.Map.SetNode(p, map);
        return p;
    }
}
