using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Building;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Schema;

/// <summary>
/// Generates the JSON Schema of scenario files from the document types with .NET's exporter: the
/// same types, names, required keys, ranges and key choices the binder uses. Value kinds that
/// are not plain maps (number-or-distribution, month, tier…) describe themselves.
/// </summary>
internal static class SchemaGenerator
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = DocumentModel.Naming,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TableKeys } },
        Converters = { new JsonStringEnumConverter(DocumentModel.Naming) },
    };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Transform,
    };

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The root lists every key (for completion) without requiring any: a file that extends
    /// another is partial by design. A file without <c>extends</c> must also match the complete
    /// scenario, <c>$defs/scenario</c>.
    /// </summary>
    public static string Generate()
    {
        var root = (JsonObject)Options.GetJsonSchemaAsNode(typeof(ScenarioDocument), Exporter);
        Relax(root);
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "AiRaceSim scenario");
        root["if"] = new JsonObject
        {
            ["required"] = new JsonArray("extends"),
            ["properties"] = new JsonObject { ["extends"] = new JsonObject { ["type"] = "string" } },
        };
        root["else"] = SchemaParts.Ref("scenario");
        var families = new JsonArray();
        int i = 0;
        foreach (var type in DistributionDocument.Families.Values)
            families.Add(Embedded(type, $"#/$defs/distribution/oneOf/{i++}"));
        root["$defs"] = new JsonObject
        {
            ["scenario"] = Embedded(typeof(ScenarioDocument), "#/$defs/scenario"),
            ["month"] = MonthValue.Definition(),
            ["distribution"] = new JsonObject
            {
                ["description"] = "A distribution over ensemble members, {dist: family, …}; drawn once per member.",
                ["oneOf"] = families,
            },
            ["frontier_at"] = Embedded(typeof(FrontierAtDocument), "#/$defs/frontier_at"),
            ["threshold_path"] = Embedded(typeof(ThresholdPathDocument), "#/$defs/threshold_path"),
        };
        return root.ToJsonString(Output);
    }

    /// <summary>The schema of experiment files: every key of <see cref="Experiments.ExperimentDocument"/>, with the month value its outcomes use.</summary>
    public static string GenerateExperiment()
    {
        var root = (JsonObject)Options.GetJsonSchemaAsNode(typeof(Experiments.ExperimentDocument), Exporter);
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "AiRaceSim experiment");
        root["$defs"] = new JsonObject { ["month"] = MonthValue.Definition() };
        return root.ToJsonString(Output);
    }

    /// <summary>A table document's keys in place of its C# properties, carrying their description and range.</summary>
    private static void TableKeys(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(ITableDocument).IsAssignableFrom(info.Type)) return;
        info.Properties.Clear();
        foreach (var key in DocumentModel.Properties(info.Type))
        {
            var p = info.CreateJsonPropertyInfo(key.Type, key.Key);
            p.AttributeProvider = key.Attributes;
            p.IsRequired = key.Required;
            p.IsSetNullable = !key.Required;
            p.Get = _ => null;
            p.Set = (doc, value) => { if (value is not null) key.Set(doc, value); };
            info.Properties.Add(p);
        }
    }

    /// <summary>A type's schema placed below the root: its own "#/…" references are moved to where it sits.</summary>
    private static JsonNode Embedded(Type type, string at)
    {
        var node = Options.GetJsonSchemaAsNode(type, Exporter);
        Rebase(node, at);
        return node;
    }

    /// <summary>Drops required keys and key choices, keeping names, types and ranges: the schema of a partial file.</summary>
    private static void Relax(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (o.ContainsKey("properties"))
            {
                o.Remove("required");
                foreach (var choice in new[] { "oneOf", "anyOf" })
                    if (o[choice] is JsonArray options && options.All(x => x is JsonObject { Count: 1 } c && c.ContainsKey("required")))
                        o.Remove(choice);
            }
            foreach (var (_, child) in o.ToList()) Relax(child);
        }
        else if (node is JsonArray a)
            foreach (var child in a) Relax(child);
    }

    private static void Rebase(JsonNode? node, string at)
    {
        if (node is JsonObject o)
        {
            if (o["$ref"] is JsonValue r && r.GetValue<string>() is var s && s.StartsWith("#/", StringComparison.Ordinal) && !s.StartsWith("#/$defs/", StringComparison.Ordinal))
                o["$ref"] = at + s[1..];
            foreach (var (_, child) in o.ToList()) Rebase(child, at);
        }
        else if (node is JsonArray a)
            foreach (var child in a) Rebase(child, at);
    }

    private static JsonNode Transform(JsonSchemaExporterContext ctx, JsonNode node)
    {
        var type = Nullable.GetUnderlyingType(ctx.TypeInfo.Type) ?? ctx.TypeInfo.Type;
        var property = ctx.PropertyInfo;
        var range = property?.AttributeProvider?.GetCustomAttributes(typeof(InRangeAttribute), false).OfType<InRangeAttribute>().FirstOrDefault();
        if (CustomKinds.Find(type) is { } kind)
        {
            node = kind.Schema(range);
            if (property is { IsRequired: false, IsSetNullable: true })
            {
                // Optional keys may be null (in an extending file, null removes the key).
                var nullType = new JsonObject { ["type"] = "null" };
                if (node is JsonObject { Count: 1 } one && one["anyOf"] is JsonArray options) options.Add(nullType);
                else node = new JsonObject { ["anyOf"] = new JsonArray(node, nullType) };
            }
        }
        else if (node is JsonObject o && !o.ContainsKey("$ref"))
        {
            if (range is not null && (type == typeof(double) || type == typeof(int) || type == typeof(ulong))) AddBounds(o, range);
            if (o["properties"] is JsonObject props)
            {
                if (DistributionDocument.Families.FirstOrDefault(f => f.Value == type).Key is { } family && props["dist"] is JsonObject dist)
                {
                    props.Remove("dist");
                    props.Insert(0, "dist", new JsonObject { ["description"] = dist["description"]?.DeepClone(), ["const"] = family });
                }
                AddChoices(o, type);
            }
            if (property?.Name == "countries")
                o["propertyNames"] = new JsonObject { ["pattern"] = BuildContext.CountryIdPattern().ToString() };
        }
        var provider = property?.AttributeProvider ?? (node is JsonObject { } n && !n.ContainsKey("$ref") ? type : null);
        // An action's key is described by the action catalog, not by the document holding it.
        string? description = property is not null && ActionVocabulary.Of(type) is { } action ? action.Meaning
            : provider?.GetCustomAttributes(typeof(DescriptionAttribute), false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is not null)
        {
            if (node is not JsonObject obj) node = obj = new JsonObject();
            obj.Remove("description");
            obj.Insert(0, "description", description);
        }
        return node;
    }

    private static void AddBounds(JsonObject o, InRangeAttribute r)
    {
        if (!double.IsNegativeInfinity(r.Min)) o[r.MinExclusive ? "exclusiveMinimum" : "minimum"] = r.Min;
        if (!double.IsPositiveInfinity(r.Max)) o[r.MaxExclusive ? "exclusiveMaximum" : "maximum"] = r.Max;
    }

    private static void AddChoices(JsonObject o, Type type)
    {
        foreach (var choice in type.GetCustomAttributes<KeyChoiceAttribute>(inherit: true))
        {
            var options = new JsonArray(choice.Keys(type)
                .Select(k => (JsonNode)new JsonObject { ["required"] = new JsonArray(k) }).ToArray());
            o[choice.ExactlyOne ? "oneOf" : "anyOf"] = options;
        }
    }
}
