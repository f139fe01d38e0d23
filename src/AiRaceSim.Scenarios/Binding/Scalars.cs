using System.Globalization;
using System.Text.RegularExpressions;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Reads plain scalars as YAML 1.2 core numbers and booleans, in the invariant culture. A quoted
/// value is text, as in JSON: <c>"5"</c> is not a number.
/// </summary>
internal static partial class Scalars
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatText();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerText();

    public static bool TryNumber(YNode node, out double value)
    {
        value = 0;
        return node is YScalar { Plain: true } s && FloatText().IsMatch(s.Value)
            && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryInteger(YNode node, out long value)
    {
        value = 0;
        return node is YScalar { Plain: true } s && IntegerText().IsMatch(s.Value)
            && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryUnsigned(YNode node, out ulong value)
    {
        value = 0;
        var text = node is YScalar { Plain: true } s ? s.Value.TrimStart('+') : "";
        return text.Length > 0 && text.All(char.IsAsciiDigit)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryBoolean(YNode node, out bool value)
    {
        value = false;
        if (node is not YScalar { Plain: true } s) return false;
        if (s.Value is "true" or "True" or "TRUE") value = true;
        else if (s.Value is not ("false" or "False" or "FALSE")) return false;
        return true;
    }

    /// <summary>What was found instead, for "expected …, got …" messages.</summary>
    public static string Got(YNode node) => node switch
    {
        YScalar { Plain: false } s => $"the quoted text '{Excerpt.Of(s.Value)}'",
        _ => node.Describe(),
    };

    /// <summary>The hint that ends a wrong-type message when the value was quoted.</summary>
    public static string QuoteHint(YNode node) =>
        node is YScalar { Plain: false } s && (FloatText().IsMatch(s.Value) || s.Value is "true" or "false") ? "; remove the quotes" : "";

    public static string Format(double x) => x.ToString(CultureInfo.InvariantCulture);

    public static string F(double x) => Format(x);
}
