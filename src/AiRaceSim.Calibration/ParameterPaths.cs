using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiRaceSim.Calibration;

/// <summary>
/// Scenario parameters named by dotted paths, as `--fit` takes them: <c>parameters.diffusion_rate_per_month</c>,
/// <c>countries.CN.patents.propensity</c>, <c>firms.openai.funding.musd_per_month</c> (a firm by its id).
/// Reads their values from a resolved scenario and writes an overlay scenario that sets them.
/// </summary>
public static class ParameterPaths
{
    /// <summary>The plain number at a path of the resolved scenario (JSON), or an error message.</summary>
    public static double Read(string resolvedJson, string path)
    {
        using var doc = JsonDocument.Parse(resolvedJson);
        var node = doc.RootElement;
        var parts = path.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0 && parts[i - 1] == "firms" && node.ValueKind == JsonValueKind.Array)
            {
                var id = parts[i];
                var found = node.EnumerateArray().Where(f => f.TryGetProperty("id", out var v) && v.GetString() == id).ToList();
                if (found.Count == 0) throw new ArgumentException($"--fit {path}: no firm '{id}' in the scenario");
                node = found[0];
                continue;
            }
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(parts[i], out var next))
                throw new ArgumentException($"--fit {path}: the scenario has no '{string.Join('.', parts[..(i + 1)])}'; give the path of a number it sets");
            node = next;
        }
        if (node.ValueKind != JsonValueKind.Number)
            throw new ArgumentException($"--fit {path}: the value there is {node.ValueKind.ToString().ToLowerInvariant()}, not a plain number; only plain numbers can be fitted");
        return node.GetDouble();
    }

    /// <summary>An overlay scenario (YAML) that extends <paramref name="extends"/> and sets each path to its value.</summary>
    public static string Overlay(string extends, string name, IReadOnlyList<(string Path, double Value)> values, string comment)
    {
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var firms = new SortedDictionary<string, SortedDictionary<string, object>>(StringComparer.Ordinal);
        foreach (var (path, value) in values)
        {
            var parts = path.Split('.');
            SortedDictionary<string, object> at;
            int from;
            if (parts[0] == "firms")
            {
                if (!firms.TryGetValue(parts[1], out at!)) firms[parts[1]] = at = new(StringComparer.Ordinal);
                from = 2;
            }
            else { at = tree; from = 0; }
            for (int i = from; i < parts.Length - 1; i++)
            {
                if (!at.TryGetValue(parts[i], out var child)) at[parts[i]] = child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                at = (SortedDictionary<string, object>)child;
            }
            at[parts[^1]] = value;
        }
        var yaml = new StringBuilder();
        foreach (var line in comment.Split('\n')) yaml.Append("# ").AppendLine(line);
        yaml.Append("extends: ").AppendLine(Quote(extends));
        yaml.Append("name: ").AppendLine(Quote(name));
        Emit(yaml, tree, 0);
        if (firms.Count > 0)
        {
            yaml.AppendLine("firms:");
            foreach (var (id, map) in firms)
            {
                yaml.Append("  - id: ").AppendLine(Quote(id));
                Emit(yaml, map, 4);
            }
        }
        return yaml.ToString();
    }

    private static void Emit(StringBuilder yaml, SortedDictionary<string, object> map, int indent)
    {
        foreach (var (key, value) in map)
        {
            yaml.Append(' ', indent).Append(key).Append(':');
            if (value is SortedDictionary<string, object> child) { yaml.AppendLine(); Emit(yaml, child, indent + 2); }
            else yaml.Append(' ').AppendLine(((double)value).ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
