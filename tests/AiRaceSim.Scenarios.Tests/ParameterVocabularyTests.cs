using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Schema;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>
/// The kernel's parameter catalog is the only list of the world-wide parameters: the file
/// format, the schema, the docs and the builder follow it key for key.
/// </summary>
public class ParameterVocabularyTests
{
    private static readonly IReadOnlyList<string> Keys = ParameterCatalog.All.Select(p => p.Key).ToList();

    [Fact]
    public void The_parameters_section_binds_exactly_the_catalog_keys_with_their_ranges()
    {
        var props = DocumentModel.Properties(typeof(ParametersDocument));
        Assert.Equal(Keys, props.Select(p => p.Key));
        foreach (var (p, key) in ParameterCatalog.All.Zip(props))
        {
            Assert.Equal((p.Range.Min, p.Range.Max, p.Range.MinExclusive, p.Range.MaxExclusive),
                (key.Range!.Min, key.Range.Max, key.Range.MinExclusive, key.Range.MaxExclusive));
            Assert.Equal(p.IsWholeNumber ? typeof(int?) : typeof(Values.Param), key.Type);
        }
        // No second list: the document declares no key of its own.
        Assert.DoesNotContain(typeof(ParametersDocument).GetProperties(BindingFlags.Public | BindingFlags.Instance), x => x.CanWrite);
    }

    [Fact]
    public void The_schema_lists_every_parameter_with_its_description_and_bounds()
    {
        using var schema = JsonDocument.Parse(ScenarioSchema.Json());
        var props = schema.RootElement.GetProperty("properties").GetProperty("parameters").GetProperty("properties");
        Assert.Equal(Keys, props.EnumerateObject().Select(x => x.Name));
        foreach (var p in ParameterCatalog.All)
        {
            var node = props.GetProperty(p.Key);
            Assert.Equal(p.Description, node.GetProperty("description").GetString());
            var number = p.IsWholeNumber ? node : node.GetProperty("anyOf")[0];
            Assert.Equal(p.Range.Max, number.GetProperty("maximum").GetDouble());
        }
    }

    [Fact]
    public void The_docs_parameters_table_is_the_catalog()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md")).Replace("\r", "");
        int section = docs.IndexOf("## `parameters`", StringComparison.Ordinal);
        int header = docs.IndexOf(ParameterTable.Header + "\n", section, StringComparison.Ordinal);
        Assert.True(section >= 0 && header > section, "docs/SCENARIOS.md lacks the parameters table header " + ParameterTable.Header);
        var rows = docs[header..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        var expected = ParameterTable.Rows();
        Assert.True(expected.SequenceEqual(rows), "docs/SCENARIOS.md, `parameters`, should read:\n" + string.Join("\n", expected));
        foreach (var key in Keys)
            Assert.Contains($"| `parameters.{key}` | ", docs, StringComparison.Ordinal); // the valid-ranges table
    }

    [Fact]
    public void Every_parameter_a_file_gives_reaches_the_kernel()
    {
        // A distinct value per key (inside its range), so a key built into the wrong parameter shows.
        var values = ParameterCatalog.All.ToDictionary(p => p, p => p.IsWholeNumber ? p.Range.Min + 1 + p.Index
            : p.Range.MinExclusive ? p.Range.Min + (p.Range.Max - p.Range.Min) * (p.Index + 1) / 100 : p.Range.Min + (p.Range.Max - p.Range.Min) * p.Index / 100);
        string path = Path.Combine(Path.GetTempPath(), $"airace-params-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, $"extends: {JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "good", "full-example.yaml"))}\nparameters:\n"
                + string.Concat(values.Select(v => $"  {v.Key.Key}: {v.Value.ToString("R", CultureInfo.InvariantCulture)}\n")));
            var built = ScenarioLoader.Load(path).Spec.Parameters;
            foreach (var (p, x) in values) Assert.Equal(new Fixed(x), built[p]);
            Assert.Equal((int)values[ParameterCatalog.PublicationLagMonths], built.PublicationLagMonths);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_unknown_parameter_is_reported_with_the_closest_catalog_key()
    {
        string path = Path.Combine(Path.GetTempPath(), $"airace-params-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, $"extends: {JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "good", "full-example.yaml"))}\nparameters:\n  utilisaton: 0.3\n");
            var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
            Assert.Contains("unknown key 'utilisaton' in parameters; did you mean 'utilisation'?", e.Message);
        }
        finally { File.Delete(path); }
    }
}
