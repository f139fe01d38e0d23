using System.Globalization;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Calibration;

/// <summary>
/// The fields of one entry of a checks file (a target, bound or lever), read with errors that
/// name the node's line and column. A required field that is missing counts in <see cref="Missing"/>
/// so the caller can drop the entry.
/// </summary>
internal sealed class YamlFields(YamlMappingNode map, string kind, Action<YamlNode?, string> error)
{
    public YamlMappingNode Map => map;
    public int Missing { get; private set; }

    public void Error(YamlNode? node, string message) => error(node, message);

    public void AllowOnly(IReadOnlyCollection<string> keys)
    {
        foreach (var (k, _) in map.Children)
            if (k is YamlScalarNode { Value: { } key } && !keys.Contains(key))
                error(k, $"unknown key '{key}' in a {kind}; expected one of {string.Join(", ", keys)}");
    }

    public YamlNode? Node(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;

    public string? Text(string key, bool required = true)
    {
        if (Node(key) is YamlScalarNode { Value: { } v }) return v;
        if (Node(key) is { } other) error(other, $"expected text for '{key}'");
        else if (required) { error(map, $"a {kind} needs '{key}'"); Missing++; }
        return null;
    }

    public double Number(YamlNode node, string what)
    {
        var text = (node as YamlScalarNode)?.Value ?? "";
        if (text is ".inf" or "inf" or "+.inf") return double.PositiveInfinity;
        if (text is "-.inf" or "-inf") return double.NegativeInfinity;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        error(node, $"expected a number for {what}, got '{text}'");
        Missing++;
        return double.NaN;
    }

    public double? Number(string key, bool required = false)
    {
        if (Node(key) is { } n) return Number(n, $"'{key}'");
        if (required) { error(map, $"a {kind} needs '{key}' (a number)"); Missing++; }
        return null;
    }

    /// <summary>A month (yyyy-MM); with <paramref name="fallback"/> the key may be left out.</summary>
    public Month Month(string key, Month? fallback)
    {
        if (Node(key) is not { } n)
        {
            if (fallback is null) { error(map, $"a {kind} needs '{key}' (a month like 2024-07)"); Missing++; }
            return fallback ?? new Month(0);
        }
        return MonthOf(n, $"'{key}'");
    }

    public Month MonthOf(YamlNode n, string what)
    {
        if (Model.Time.Month.TryParse((n as YamlScalarNode)?.Value, out var m)) return m;
        error(n, $"expected a month like 2024-07 for {what}, got '{(n as YamlScalarNode)?.Value}'");
        Missing++;
        return new Month(0);
    }

    /// <summary>A series given as <c>{ entity, metric }</c>.</summary>
    public SeriesKey? Series(string key, bool required = true)
    {
        if (Node(key) is not { } node)
        {
            if (required) { error(map, $"a {kind} needs '{key}: {{ entity, metric }}'"); Missing++; }
            return null;
        }
        if (node is YamlMappingNode s && s.Children.Count == 2
            && s.Children.TryGetValue(new YamlScalarNode("entity"), out var e) && e is YamlScalarNode { Value: { Length: > 0 } entity }
            && s.Children.TryGetValue(new YamlScalarNode("metric"), out var mt) && mt is YamlScalarNode { Value: { Length: > 0 } metric })
            return new SeriesKey(entity, metric);
        error(node, $"expected '{key}: {{ entity, metric }}'");
        Missing++;
        return null;
    }

    /// <summary>A list under <paramref name="key"/>; null (and an error when required) if absent or not a list.</summary>
    public YamlSequenceNode? List(string key, bool required)
    {
        var node = Node(key);
        if (node is YamlSequenceNode list) return list;
        if (node is not null) { error(node, $"expected a list under '{key}'"); Missing++; }
        else if (required) { error(map, $"a {kind} needs '{key}' (a list)"); Missing++; }
        return null;
    }
}
