using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>docs/SCENARIOS.md stays true to the format: its example is the tested file, and every key is described.</summary>
public partial class DocsTests
{
    private static string Docs => File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md"));

    [Fact]
    public void The_full_example_in_the_docs_is_the_tested_file()
    {
        string docs = Docs;
        int section = docs.IndexOf("## A full example", StringComparison.Ordinal);
        int start = docs.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        int end = docs.IndexOf("```", start, StringComparison.Ordinal);
        string file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "good", "full-example.yaml"));
        Assert.Equal(file, docs[start..end]);
    }

    [Fact]
    public void Every_key_of_the_schema_is_in_the_docs()
    {
        var documented = CodeSpans().Matches(Docs).SelectMany(m => Words().Matches(m.Groups[1].Value).Select(w => w.Value)).ToHashSet();
        using var schema = JsonDocument.Parse(ScenarioSchema.Json());
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, keys);
        Assert.NotEmpty(keys);
        Assert.Equal([], keys.Where(k => !documented.Contains(k)).ToList());
    }

    private static void Collect(JsonElement e, ISet<string> keys)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "properties")
                    foreach (var key in p.Value.EnumerateObject()) keys.Add(key.Name);
                Collect(p.Value, keys);
            }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var x in e.EnumerateArray()) Collect(x, keys);
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpans();

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Words();
}
