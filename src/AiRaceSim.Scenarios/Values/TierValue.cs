using System.Globalization;
using System.Text.Json.Nodes;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Values;

/// <summary>An export-control tier: a plain number is absolute; a sign (+1, -1) makes it a change of the current tier.</summary>
internal sealed record TierValue(int Tier, bool Relative)
{
    public static readonly CustomKind Kind = new(Bind, _ => new JsonObject
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "integer" },
            new JsonObject { ["type"] = "string", ["pattern"] = "^[+-]?[0-9]+$" }),
    });

    private static object? Bind(YNode node, Binder b, Site site)
    {
        string text = node is YScalar s ? s.Value.Trim() : "";
        bool signed = text.StartsWith('+') || text.StartsWith('-');
        string digits = signed ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            b.Diag.At(node, $"expected a tier number (0, 1, 2 …) or a change like +1 or -1, got {node.Describe()}");
            return null;
        }
        int tier = text.StartsWith('-') ? -n : n;
        ((YScalar)node).Typed = signed ? JsonValue.Create((tier >= 0 ? "+" : "") + tier.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(tier);
        return new TierValue(tier, signed);
    }
}
