using System.Text.Json;
using System.Text.Json.Serialization;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Contracts;

/// <summary>
/// <see cref="GlobalParameters"/> as an object keyed by the catalog's scenario keys, every
/// parameter written: the set has no per-parameter properties for the reflective codec to find.
/// </summary>
internal sealed class GlobalParametersConverter : JsonConverter<GlobalParameters>
{
    public override GlobalParameters Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("global parameters must be an object");
        var set = new GlobalParameters();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            var p = ParameterCatalog.Find(key) ?? throw new JsonException($"unknown global parameter '{key}'");
            reader.Read();
            var value = JsonSerializer.Deserialize<Distribution>(ref reader, options) ?? throw new JsonException($"{key} is null");
            set = set.With(p, value);
        }
        return set;
    }

    public override void Write(Utf8JsonWriter writer, GlobalParameters value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var p in ParameterCatalog.All)
        {
            writer.WritePropertyName(p.Key);
            JsonSerializer.Serialize(writer, value[p], options);
        }
        writer.WriteEndObject();
    }
}
