using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// The merged scenario as indented JSON for the run manifest: scalars keep the type the binder
/// read them as (so "+1" stays a relative tier and 1e6 a number), overrides from the command line
/// are written in, and loading the JSON again gives the same scenario.
/// </summary>
internal static class ResolvedJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps '→', 'ℓ' readable; still valid JSON
    };

    public static string Write(YMap root, ScenarioOverrides overrides)
    {
        var json = (JsonObject)ToJson(root);
        if (overrides.Seed is { } seed) json["seed"] = seed;
        if (overrides.Members is not null || overrides.BlockSize is not null)
        {
            if (json["ensemble"] is not JsonObject ensemble) json["ensemble"] = ensemble = new JsonObject();
            if (overrides.Members is { } members) ensemble["members"] = members;
            if (overrides.BlockSize is { } block) ensemble["block"] = block;
        }
        return json.ToJsonString(Indented);
    }

    private static JsonNode ToJson(YNode node) => node switch
    {
        YMap m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, (JsonNode?)ToJson(e.Value)))),
        YSequence s => new JsonArray(s.Items.Select(i => (JsonNode?)ToJson(i)).ToArray()),
        YScalar x => x.Typed?.DeepClone() ?? JsonValue.Create(x.Value),
        _ => throw new ArgumentException($"unknown node {node.GetType().Name}"),
    };
}
