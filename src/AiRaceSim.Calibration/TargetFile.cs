using System.Globalization;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Calibration;

/// <summary>
/// Reads a targets file (scenarios/targets.yaml): a list under <c>targets:</c>, each with id,
/// what, observed, source, series {entity, metric}, statistic, from, to, scale, range [low, high],
/// weight. Errors carry file, line and column like scenario errors.
/// </summary>
public static class TargetFile
{
    private static readonly string[] Keys = ["id", "what", "observed", "source", "series", "statistic", "from", "to", "scale", "range", "weight"];
    private static readonly Dictionary<string, Statistic> Statistics = new()
    {
        ["at"] = Statistic.At, ["mean"] = Statistic.Mean, ["max"] = Statistic.Max, ["min"] = Statistic.Min,
        ["sum"] = Statistic.Sum, ["growth_per_year"] = Statistic.GrowthPerYear,
    };

    public static IReadOnlyList<Target> Load(string path)
    {
        var errors = new List<ScenarioError>();
        void Error(YamlNode? node, string message) =>
            errors.Add(new ScenarioError(path, node is null ? 1 : (int)node.Start.Line, node is null ? 1 : (int)node.Start.Column, message));
        var targets = new List<Target>();
        try
        {
            // Like scenario files: a regular file of bounded size, never a FIFO or a device.
            var (bytes, problem) = AiRaceSim.Scenarios.Yaml.InputFile.Read(path);
            if (bytes is null)
            {
                errors.Add(new ScenarioError(path, 1, 1, $"cannot read the file: {problem}"));
                throw new ScenarioException(errors);
            }
            var yaml = new YamlStream();
            using (var reader = new StreamReader(new MemoryStream(bytes))) yaml.Load(reader);
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("targets"), out var list) || list is not YamlSequenceNode items)
            {
                Error(yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode : null, "expected a map with a list under 'targets:'");
                throw new ScenarioException(errors);
            }
            foreach (var item in items)
            {
                if (item is not YamlMappingNode map) { Error(item, "expected a target (a map)"); continue; }
                var target = Read(map, Error);
                if (target is not null) targets.Add(target);
            }
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(path, (int)e.Start.Line, (int)e.Start.Column, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError(path, 1, 1, $"cannot read the file: {e.Message}"));
        }
        if (errors.Count > 0) throw new ScenarioException(errors);
        return targets;
    }

    private static Target? Read(YamlMappingNode map, Action<YamlNode?, string> error)
    {
        int before = 0;
        foreach (var (k, _) in map.Children)
            if (k is YamlScalarNode { Value: { } key } && !Keys.Contains(key)) error(k, $"unknown key '{key}' in a target; expected one of {string.Join(", ", Keys)}");
        string? Text(string key, bool required = true)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode { Value: { } v }) return v;
            if (required) { error(map, $"a target needs '{key}'"); before++; }
            return null;
        }
        double Number(YamlNode node, string what)
        {
            var text = (node as YamlScalarNode)?.Value ?? "";
            if (text is ".inf" or "inf") return double.PositiveInfinity;
            if (text is "-.inf" or "-inf") return double.NegativeInfinity;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
            error(node, $"expected a number for {what}, got '{text}'");
            return double.NaN;
        }
        Month MonthOf(string key, Month? fallback)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var n))
            {
                if (fallback is null) error(map, $"a target needs '{key}' (a month like 2024-07)");
                return fallback ?? new Month(0);
            }
            if (Month.TryParse((n as YamlScalarNode)?.Value, out var m)) return m;
            error(n, $"expected a month like 2024-07, got '{(n as YamlScalarNode)?.Value}'");
            return new Month(0);
        }
        var id = Text("id") ?? "?";
        var statisticText = Text("statistic");
        var statistic = Statistic.At;
        if (statisticText is not null && !Statistics.TryGetValue(statisticText, out statistic))
            error(map.Children[new YamlScalarNode("statistic")], $"unknown statistic '{statisticText}'; expected one of {string.Join(", ", Statistics.Keys)}");
        string entity = "", metric = "";
        if (map.Children.TryGetValue(new YamlScalarNode("series"), out var s) && s is YamlMappingNode series
            && series.Children.TryGetValue(new YamlScalarNode("entity"), out var e) && series.Children.TryGetValue(new YamlScalarNode("metric"), out var mt))
        { entity = (e as YamlScalarNode)?.Value ?? ""; metric = (mt as YamlScalarNode)?.Value ?? ""; }
        else error(map, $"target {id} needs 'series: {{ entity, metric }}'");
        var from = MonthOf("from", null);
        var to = MonthOf("to", from);
        if (to < from) error(map, $"target {id}: 'to' {to} is before 'from' {from}");
        if (statistic == Statistic.GrowthPerYear && to <= from) error(map, $"target {id}: growth_per_year needs 'to' after 'from'");
        double low = double.NaN, high = double.NaN;
        if (map.Children.TryGetValue(new YamlScalarNode("range"), out var r) && r is YamlSequenceNode { Children.Count: 2 } range)
        { low = Number(range[0], "the range's low end"); high = Number(range[1], "the range's high end"); }
        else error(map, $"target {id} needs 'range: [low, high]'");
        double scale = map.Children.TryGetValue(new YamlScalarNode("scale"), out var sc) ? Number(sc, "scale") : 1;
        double weight = map.Children.TryGetValue(new YamlScalarNode("weight"), out var w) ? Number(w, "weight") : 1;
        if (before > 0) return null;
        return new Target
        {
            Id = id, What = Text("what") ?? "", Observed = Text("observed") ?? "", Source = Text("source") ?? "",
            Entity = entity, Metric = metric, Statistic = statistic, From = from, To = to, Scale = scale, Low = low, High = high, Weight = weight,
        };
    }
}
