using AiRaceSim.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Calibration;

/// <summary>What a checks file holds: targets, and optionally bounds and levers.</summary>
public sealed record CheckFile(string Path, IReadOnlyList<Target> Targets, IReadOnlyList<Bound> Bounds, IReadOnlyList<Lever> Levers);

/// <summary>
/// Reads a targets file (scenarios/targets.yaml): a list under <c>targets:</c> (see
/// <see cref="TargetEntry"/>), and optional lists under <c>bounds:</c> (<see cref="BoundEntry"/>)
/// and <c>levers:</c> (<see cref="LeverEntry"/>). Errors carry file, line and column like
/// scenario errors; every error of the file is reported at once.
/// </summary>
public static class TargetFile
{
    private static readonly string[] RootKeys = ["targets", "bounds", "levers"];

    public static IReadOnlyList<Target> Load(string path) => LoadAll(path).Targets;

    public static CheckFile LoadAll(string path)
    {
        var errors = new List<ScenarioError>();
        void Error(YamlNode? node, string message) =>
            errors.Add(new ScenarioError(path, node is null ? 1 : (int)node.Start.Line, node is null ? 1 : (int)node.Start.Column, message));
        var targets = new List<Target>();
        var bounds = new List<Bound>();
        var levers = new List<Lever>();
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
            foreach (var (k, _) in root.Children)
                if (k is YamlScalarNode { Value: { } key } && !RootKeys.Contains(key))
                    Error(k, $"unknown key '{key}'; a targets file holds {string.Join(", ", RootKeys)}");
            foreach (var item in items)
                if (Entry(item, "target", Error) is { } fields && TargetEntry.Read(fields) is { } target) targets.Add(target);
            foreach (var item in Section(root, "bounds", Error))
                if (Entry(item, "bound", Error) is { } fields && BoundEntry.Read(fields) is { } bound) bounds.Add(bound);
            string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
            foreach (var item in Section(root, "levers", Error))
                if (Entry(item, "lever", Error) is { } fields && LeverEntry.Read(fields, folder) is { } lever) levers.Add(lever);
            Unique(targets.Select(t => t.Id).Concat(bounds.Select(b => b.Id)).Concat(levers.Select(l => l.Id)), root, Error);
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
        return new CheckFile(path, targets, bounds, levers);
    }

    private static YamlFields? Entry(YamlNode item, string kind, Action<YamlNode?, string> error)
    {
        if (item is YamlMappingNode map) return new YamlFields(map, kind, error);
        error(item, $"expected a {kind} (a map)");
        return null;
    }

    private static IEnumerable<YamlNode> Section(YamlMappingNode root, string key, Action<YamlNode?, string> error)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node)) return [];
        if (node is YamlSequenceNode list) return list;
        error(node, $"expected a list under '{key}:'");
        return [];
    }

    private static void Unique(IEnumerable<string> ids, YamlNode root, Action<YamlNode?, string> error)
    {
        foreach (var id in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            error(root, $"the id '{id}' is used more than once; each target, bound and lever needs its own");
    }
}
