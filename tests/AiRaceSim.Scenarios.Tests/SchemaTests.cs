using System.Text.Json;

namespace AiRaceSim.Scenarios.Tests;

public class SchemaTests
{
    private static string SchemaFile => Path.Combine(RepoPaths.Root(), "scenarios", "schema.json");

    [Fact]
    public void Checked_in_schema_matches_the_document_types()
    {
        string expected = ScenarioSchema.Json() + "\n";
        // AIRACE_WRITE_SCHEMA=1 dotnet test … rewrites the file after a change of the document types.
        if (Environment.GetEnvironmentVariable("AIRACE_WRITE_SCHEMA") == "1") File.WriteAllText(SchemaFile, expected);
        string actual = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile) : "";
        Assert.True(expected == actual,
            "scenarios/schema.json is out of date; regenerate it with: AIRACE_WRITE_SCHEMA=1 dotnet test tests/AiRaceSim.Scenarios.Tests");
    }

    [Fact]
    public void Schema_is_draft_2020_12_with_closed_objects()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.Json());
        var root = doc.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        // The root (also for partial files that extend another) requires nothing; the complete scenario does.
        Assert.False(root.TryGetProperty("required", out _));
        Assert.Equal("#/$defs/scenario", root.GetProperty("else").GetProperty("$ref").GetString());
        var complete = root.GetProperty("$defs").GetProperty("scenario");
        Assert.Equal(["name", "start", "end", "countries"], complete.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var firm = complete.GetProperty("properties").GetProperty("firms").GetProperty("items");
        Assert.Contains("funding", firm.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("$defs").GetProperty("distribution").GetProperty("oneOf").GetArrayLength() == 9);
    }

    [Fact]
    public void Checked_in_experiment_schema_matches_the_document_types()
    {
        string file = Path.Combine(RepoPaths.Root(), "experiments", "schema.json");
        string expected = ExperimentSchema.Json() + "\n";
        if (Environment.GetEnvironmentVariable("AIRACE_WRITE_SCHEMA") == "1") File.WriteAllText(file, expected);
        Assert.True(expected == (File.Exists(file) ? File.ReadAllText(file) : ""),
            "experiments/schema.json is out of date; regenerate it with: AIRACE_WRITE_SCHEMA=1 dotnet test tests/AiRaceSim.Scenarios.Tests");
        using var doc = JsonDocument.Parse(expected);
        var root = doc.RootElement;
        Assert.Equal("AiRaceSim experiment", root.GetProperty("title").GetString());
        Assert.Equal(["name", "scenario", "factors", "design"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["path"], root.GetProperty("properties").GetProperty("factors").GetProperty("items").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("scenario")]
    [InlineData("experiment")]
    public void Every_ref_points_at_a_node_of_the_schema(string kind)
    {
        using var doc = JsonDocument.Parse(kind == "scenario" ? ScenarioSchema.Json() : ExperimentSchema.Json());
        var refs = new List<string>();
        Collect(doc.RootElement, refs);
        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            var node = doc.RootElement;
            foreach (var part in r.TrimStart('#', '/').Split('/'))
                node = node.ValueKind == JsonValueKind.Array ? node[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node.GetProperty(part);
            Assert.True(node.ValueKind is JsonValueKind.Object or JsonValueKind.True, r);
        }
    }

    private static void Collect(JsonElement e, List<string> refs)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "$ref") refs.Add(p.Value.GetString()!);
                else Collect(p.Value, refs);
            }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var x in e.EnumerateArray()) Collect(x, refs);
    }
}
