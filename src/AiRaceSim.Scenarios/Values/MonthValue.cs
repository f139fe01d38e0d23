using System.Text.Json.Nodes;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>A calendar month written <c>yyyy-MM</c>, read into the kernel's <see cref="Month"/>.</summary>
internal static class MonthValue
{
    public static readonly CustomKind Kind = new(Bind, _ => SchemaParts.Ref("month"));

    public static JsonObject Definition() => new()
    {
        ["description"] = "A calendar month, yyyy-MM.",
        ["type"] = "string",
        ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])$",
    };

    private static object? Bind(YNode node, Binder b, Site site)
    {
        if (node is YScalar s && Month.TryParse(s.Value, out var m))
        {
            s.Typed = JsonValue.Create(m.ToString());
            return m;
        }
        string hint = node is YScalar { Value.Length: 10 } day && Month.TryParse(day.Value[..7], out var month) ? $"; give the month only ({month})" : "";
        b.Diag.At(node, $"expected a month like 2024-07, got {node.Describe()}{hint}");
        return null;
    }
}
