using System.ComponentModel;
using System.Text.Json.Nodes;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>A rule's threshold: a constant, or a straight path between two dated values (flat outside them).</summary>
internal sealed record ThresholdValue(double? Constant, ThresholdPathDocument? Path)
{
    public static readonly CustomKind Kind = new(Bind, _ => new JsonObject
    {
        ["anyOf"] = new JsonArray(SchemaParts.Number(null), SchemaParts.Ref("threshold_path")),
    });

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is YMap map)
        {
            int before = b.Diag.Count;
            var path = (ThresholdPathDocument)b.BindObject(map, typeof(ThresholdPathDocument), site);
            if (b.Diag.Count > before) return null;
            if (path.To.Date <= path.From.Date)
            {
                b.Diag.At(b.Map.At(path.To, nameof(PathPointDocument.Date)),
                    $"a threshold path must end after it starts; {path.To.Date} is not after {path.From.Date}");
                return null;
            }
            return new ThresholdValue(null, path);
        }
        if (Scalars.TryNumber(node, out var x))
        {
            if (!b.CheckRange(node, x, site)) return null;
            ((YScalar)node).Typed = JsonValue.Create(x);
            return new ThresholdValue(x, null);
        }
        b.Diag.At(node, $"expected a number of months or a path {{from: {{date, value}}, to: {{date, value}}}}, got {Scalars.Got(node)}");
        return null;
    }
}

[Description("A threshold moving in a straight line from one dated value to another.")]
internal sealed class ThresholdPathDocument
{
    [Description("Start of the path; the threshold is this value before it.")] public required PathPointDocument From { get; init; }
    [Description("End of the path; the threshold stays at this value after it.")] public required PathPointDocument To { get; init; }
}

[Description("A dated value of a threshold path.")]
internal sealed class PathPointDocument
{
    [Description("Month, yyyy-MM.")] public required Month Date { get; init; }
    [Description("Threshold in months.")] public required double Value { get; init; }
}
