using System.Text.Json;
using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>
/// The kernel's action catalog is the list of actions: each appears once in the document types,
/// the schema and the docs, and the builder turns its map into the catalog's kernel type.
/// </summary>
public class ActionVocabularyTests
{
    private static readonly IReadOnlyList<ActionKind> All = ActionCatalog.All;

    /// <summary>One valid map per action, against good/full-example.yaml (test data, not a definition).</summary>
    private static readonly Dictionary<string, string> Example = new()
    {
        ["export_control"] = "{ by: US, target: CN, tier: 1 }",
        ["enforcement"] = "{ target: CN, level: 1 }",
        ["api_block"] = "{ firm: frontier-lab, markets: [CN], leakage: 0.1 }",
        ["api_unblock"] = "{ firm: frontier-lab, markets: [CN] }",
        ["vouchers"] = "{ country: CN, rate: 0.2 }",
        ["support"] = "{ country: CN, scale: 2 }",
        ["chip_fund"] = "{ country: CN, musd_per_month: 10 }",
        ["domestic_chips"] = "{ country: CN, output_scale: 2 }",
        ["patent_subsidy"] = "{ country: CN, multiplier: 2 }",
        ["licensing"] = "{ country: CN, max_months: 6 }",
        ["price_war"] = "{ country: CN, spend_scale: 0.8 }",
        ["open_weights"] = "{ firm: open-lab }",
        ["funding_scale"] = "{ firm: open-lab, factor: 2 }",
        ["exit"] = "{ firm: open-lab }",
    };

    [Fact]
    public void Keys_are_unique_and_documents_share_the_key_s_name()
    {
        Assert.Equal(All.Count, All.Select(a => a.Key).Distinct().Count());
        Assert.Equal(All.Count, All.Select(a => a.Kernel).Distinct().Count());
        foreach (var a in All)
        {
            Assert.Equal(a.OnFirm, typeof(FirmAction).IsAssignableFrom(a.Kernel));
            Assert.Equal(!a.OnFirm, typeof(CountryAction).IsAssignableFrom(a.Kernel));
            // Kernel type = the key in PascalCase.
            string expected = ActionVocabulary.DocumentName(a.Key)[..^"Action".Length];
            Assert.Equal(expected, a.Kernel.Name);
        }
        // Every kernel action type is in the catalog.
        var kernel = typeof(CountryAction).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(CountryAction).IsAssignableFrom(t) || typeof(FirmAction).IsAssignableFrom(t)));
        Assert.Equal(kernel.OrderBy(t => t.Name), All.Select(a => a.Kernel).OrderBy(t => t.Name));
    }

    [Fact]
    public void Events_hold_every_action_once_and_rules_every_government_action()
    {
        Assert.Equal(All.Select(a => a.Key), ActionVocabulary.Keys(typeof(EventDocument)).Select(p => p.Key));
        Assert.Equal(All.Where(a => !a.OnFirm).Select(a => a.Key), ActionVocabulary.Keys(typeof(CountryActionsDocument)).Select(p => p.Key));
        var actionDocuments = typeof(EventDocument).Assembly.GetTypes().Where(t => t.Namespace == typeof(EventDocument).Namespace && t.Name.EndsWith("Action", StringComparison.Ordinal));
        Assert.Equal(All.Select(a => ActionVocabulary.DocumentName(a.Key)).Order(), actionDocuments.Select(t => t.Name).Order());
    }

    [Fact]
    public void The_schema_offers_every_action_with_the_catalog_s_description()
    {
        using var schema = JsonDocument.Parse(ScenarioSchema.Json());
        var complete = schema.RootElement.GetProperty("$defs").GetProperty("scenario").GetProperty("properties");
        var events = complete.GetProperty("events").GetProperty("items");
        var then = complete.GetProperty("rules").GetProperty("items").GetProperty("properties").GetProperty("then");
        foreach (var a in All)
        {
            Assert.Equal(a.Meaning, events.GetProperty("properties").GetProperty(a.Key).GetProperty("description").GetString());
            Assert.Equal(!a.OnFirm, then.GetProperty("properties").TryGetProperty(a.Key, out _));
        }
        Assert.Equal(All.Select(a => a.Key), events.GetProperty("oneOf").EnumerateArray().Select(o => o.GetProperty("required")[0].GetString()));
    }

    [Fact]
    public void The_docs_list_every_action_once()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md")).Replace("\r", "");
        int table = docs.IndexOf("| action | keys | effect |\n", StringComparison.Ordinal);
        var rows = docs[table..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(All.Select(a => $"| `{a.Key}` |"), rows.Select(r => r[..(r.IndexOf('|', 1) + 1)]));
    }

    [Fact]
    public void The_builder_turns_each_action_into_its_kernel_type()
    {
        Assert.Equal(All.Select(a => a.Key).Order(), Example.Keys.Order());
        string path = Path.Combine(Path.GetTempPath(), $"airace-actions-{Guid.NewGuid():N}.yaml");
        try
        {
            string events = string.Concat(All.Select((a, i) => $"  - {{ id: v{i}, date: 2025-0{1 + i % 9}, {a.Key}: {Example[a.Key]} }}\n"));
            File.WriteAllText(path, $"extends: {JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "good", "full-example.yaml"))}\nevents:\n{events}rules: []\n");
            var built = ScenarioLoader.Load(path).Spec.Events;
            foreach (var (a, i) in All.Select((a, i) => (a, i)))
            {
                var e = Assert.Single(built, x => x.Name == $"v{i}");
                Assert.Equal(a.Kernel, ((object?)e.Country ?? e.Firm)!.GetType());
            }
        }
        finally { File.Delete(path); }
    }
}
