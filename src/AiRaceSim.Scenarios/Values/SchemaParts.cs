using System.Text.Json.Nodes;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Values;

/// <summary>Small JSON Schema pieces the value kinds share.</summary>
internal static class SchemaParts
{
    public static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    public static JsonObject Number(InRangeAttribute? range) => Bounded("number", range);

    public static JsonObject Integer(InRangeAttribute? range) => Bounded("integer", range);

    /// <summary>A number in range, or a distribution (whose support the loader checks).</summary>
    public static JsonObject Param(InRangeAttribute? range) => new() { ["anyOf"] = new JsonArray(Number(range), Ref("distribution")) };

    /// <summary>A pair [yyyy-MM, value].</summary>
    public static JsonObject Pair(JsonNode value) => new()
    {
        ["type"] = "array",
        ["prefixItems"] = new JsonArray(Ref("month"), value),
        ["minItems"] = 2,
        ["maxItems"] = 2,
    };

    private static JsonObject Bounded(string type, InRangeAttribute? range)
    {
        var o = new JsonObject { ["type"] = type };
        if (range is null) return o;
        if (!double.IsNegativeInfinity(range.Min)) o[range.MinExclusive ? "exclusiveMinimum" : "minimum"] = range.Min;
        if (!double.IsPositiveInfinity(range.Max)) o[range.MaxExclusive ? "exclusiveMaximum" : "maximum"] = range.Max;
        return o;
    }
}
