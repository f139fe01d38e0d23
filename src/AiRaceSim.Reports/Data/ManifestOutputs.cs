using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiRaceSim.Reports.Data;

/// <summary>
/// Keeps a run folder's <c>manifest.json</c> "outputs" array equal to what the folder holds when a
/// report (or calibration) adds or replaces files: every file in the folder is listed there.
/// </summary>
public static class ManifestOutputs
{
    /// <summary>Drops the listed files for which <paramref name="remove"/> holds, adds <paramref name="add"/>, keeps the rest in order.</summary>
    public static IReadOnlyList<string> Update(string folder, Func<string, bool> remove, IEnumerable<string> add)
    {
        var path = Path.Combine(folder, "manifest.json");
        var root = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
        var outputs = (root["outputs"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []).Where(o => !remove(o)).ToList();
        foreach (var a in add) if (!outputs.Contains(a)) outputs.Add(a);
        root["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)JsonValue.Create(o)).ToArray());
        var temporary = path + ".partial";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        File.Move(temporary, path, overwrite: true);
        return outputs;
    }
}
