using System.Text.Json;
using System.Text.Json.Nodes;
using AiRaceSim.Calibration;
using AiRaceSim.Reports;
using AiRaceSim.Reports.Data;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli;

/// <summary>`airace calibrate … --report DIR`: the calibration table into a run folder of the same scenario (calibration.json), and its report rebuilt.</summary>
public static class CalibrationReport
{
    /// <summary>
    /// Why the folder cannot take the calibration, or null: it must be an output folder of a run of
    /// this scenario, the same once resolved (its manifest's <c>resolved_scenario</c>) except for
    /// the seed and ensemble size, which the calibration's own run chooses and its table states.
    /// </summary>
    public static string? Problem(string folder, LoadedScenario scenario)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest)) return "holds no manifest.json; give the output folder of an `airace run` of the scenario";
        try
        {
            var root = JsonNode.Parse(File.ReadAllBytes(manifest)) as JsonObject;
            var name = root?["scenario"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (name != scenario.Name) return $"holds a run of '{name}', not of '{scenario.Name}'; give a run folder of the scenario you calibrate";
            if (root?["resolved_scenario"] is not JsonObject ran) return "has a manifest.json without resolved_scenario; give the output folder of an `airace run` of the scenario";
            if (Difference(Comparable(ran), Comparable((JsonObject)JsonNode.Parse(scenario.ResolvedJson)!), "") is { } at)
                return $"holds a run of a different '{scenario.Name}': its resolved scenario differs at '{at}' from the one calibrated; run the scenario again into the folder, or calibrate the scenario it ran";
        }
        catch (JsonException e)
        {
            return $"has a manifest.json that is not JSON ({e.Message})";
        }
        return QuantileTable.SourceIn(folder) is null ? "holds neither quantiles.csv nor series.csv, which its report is drawn from" : null;
    }

    private static JsonObject Comparable(JsonObject resolved)
    {
        var copy = (JsonObject)resolved.DeepClone();
        copy.Remove("seed");
        copy.Remove("ensemble");
        return copy;
    }

    /// <summary>The path of the first place two JSON trees differ, or null when they are equal.</summary>
    private static string? Difference(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(e => e.Key).Union(ob.Select(e => e.Key)))
            {
                var at = path.Length == 0 ? key : $"{path}.{key}";
                if (!oa.ContainsKey(key) || !ob.ContainsKey(key)) return at;
                if (Difference(oa[key], ob[key], at) is { } inner) return inner;
            }
            return null;
        }
        if (a is JsonArray xa && b is JsonArray xb)
        {
            if (xa.Count != xb.Count) return path;
            for (int i = 0; i < xa.Count; i++)
                if (Difference(xa[i], xb[i], $"{path}[{i}]") is { } at) return at;
            return null;
        }
        return JsonNode.DeepEquals(a, b) ? null : path;
    }

    public static void Write(string folder, string targetsPath, int members, IReadOnlyList<TargetResult> results)
    {
        new CalibrationFile(Path.GetFileName(targetsPath), members, results.Select(r => new CalibrationRow(r.Target.Id, r.Target.What, r.Target.Observed,
            r.Target.Source, r.Median, r.P05, r.P95, r.Target.Low, r.Target.High, r.Passed)).ToList()).Write(folder);
        ManifestOutputs.Update(folder, _ => false, [CalibrationFile.Name]);
        RunReport.Write(folder);
    }
}
