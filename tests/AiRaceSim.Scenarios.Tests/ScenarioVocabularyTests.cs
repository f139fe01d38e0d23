namespace AiRaceSim.Scenarios.Tests;

/// <summary>What a scenario path means, read from the document types (the same descriptions and ranges as the binder's).</summary>
public class ScenarioVocabularyTests
{
    [Fact]
    public void A_country_value_has_its_description_and_range()
    {
        var info = ScenarioVocabulary.Describe("countries.CN.support_musd_per_month")!;
        Assert.Equal(("number", 0.0, 1e6), (info.Kind, info.Min, info.Max));
        Assert.Equal("Sub: government support to the country's firms, M$/month, from the start (default 0).", info.Description);
    }

    [Theory]
    [InlineData("firms.deepseek.open_weights", "switch")]
    [InlineData("events.openai-api-block.disabled", "switch")]
    [InlineData("events.openai-api-block.date", "month")]
    [InlineData("events.bis-2022-10.export_control.tier", "number")]
    [InlineData("countries.CN.domestic_chips.efficiency_ceiling", "number")]
    [InlineData("countries.CN.perception.noise_sd", "number")]
    public void Entries_of_lists_and_maps_are_named_by_their_ids(string path, string kind) =>
        Assert.Equal(kind, ScenarioVocabulary.Describe(path)!.Kind);

    [Theory]
    [InlineData("countries.CN.no_such_value")]
    [InlineData("firms.deepseek")]
    [InlineData("events.openai-api-block.api_block.markets")]
    public void A_path_to_nothing_settable_is_described_as_nothing(string path) => Assert.Null(ScenarioVocabulary.Describe(path));
}
