using System.Text.Json;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios.Tests;

public class LoaderTests
{
    public LoaderTests() => RepoPaths.UseOutputFolder();

    [Fact]
    public void A_missing_file_is_one_error_at_1_1()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("bad/no-such-file.yaml"));
        Assert.Equal(["bad/no-such-file.yaml:1:1: cannot read the file: no such file"], e.Errors.Select(x => x.ToString()));
        Assert.Equal(e.Errors[0].ToString(), e.Message);
    }

    [Fact]
    public void A_folder_is_not_a_scenario()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("good"));
        Assert.Equal("good:1:1: cannot read the file: it is a folder, not a file", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Errors_are_sorted_by_file_line_and_column_and_make_the_message()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("bad/44-several-errors.yaml"));
        var sorted = e.Errors.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Column).ToList();
        Assert.Equal(sorted, e.Errors);
        Assert.Equal(string.Join(Environment.NewLine, e.Errors), e.Message);
        Assert.Equal(new ScenarioError("bad/44-several-errors.yaml", 4, 7, "expected a whole number ≥ 0, got '-1'"), e.Errors[1]);
    }

    [Fact]
    public void Defaults_of_a_minimal_scenario()
    {
        var s = ScenarioLoader.Load("good/minimal.yaml");
        Assert.Equal(1, s.Members);
        Assert.Equal(1, s.BlockSize);
        Assert.Equal(1UL, s.Spec.Seed);
        Assert.False(s.Spec.Deterministic);
        Assert.Equal(s.Spec.End, s.Now);
        Assert.Null(s.Metrics);
        Assert.Null(s.Entities);
        Assert.Null(s.Description);
        Assert.Same(WorldSpec.DefaultTiers, s.Spec.ExportTiers);
        Assert.Empty(s.Spec.Events);
        // Default gaps: every other country behind the first one listed.
        Assert.Equal([new GapPair("CN", "US"), new GapPair("JP", "US")], s.Spec.GapPairs);
        var lab = s.Spec.Firms[0];
        Assert.Equal(s.Spec.Start, lab.Funding.At);
        Assert.Equal([(s.Spec.Start, (AiRaceSim.Model.Random.Distribution)new AiRaceSim.Model.Random.Fixed(1.0))], lab.Funding.Growth);
    }

    [Fact]
    public void A_json_file_with_the_same_shape_gives_the_same_scenario()
    {
        var yaml = ScenarioLoader.Load("good/minimal.yaml");
        var json = ScenarioLoader.Load("good/minimal.json");
        Assert.Equal(yaml.ResolvedJson, json.ResolvedJson);
        Assert.Equal(yaml.Spec.Firms.Select(f => (f.Id, f.Country, f.Funding.Level)), json.Spec.Firms.Select(f => (f.Id, f.Country, f.Funding.Level)));
    }

    [Fact]
    public void Overrides_replace_members_block_and_seed_and_reach_the_resolved_json()
    {
        var s = ScenarioLoader.Load("good/full-example.yaml", new ScenarioOverrides(Members: 3, BlockSize: 2, Seed: 99));
        Assert.Equal(3, s.Members);
        Assert.Equal(2, s.BlockSize);
        Assert.Equal(99UL, s.Spec.Seed);
        using var doc = JsonDocument.Parse(s.ResolvedJson);
        Assert.Equal(99UL, doc.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("ensemble").GetProperty("members").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("ensemble").GetProperty("block").GetInt32());
    }

    [Fact]
    public void The_block_never_exceeds_the_members()
    {
        var s = ScenarioLoader.Load("good/full-example.yaml", new ScenarioOverrides(Members: 10));
        Assert.Equal(10, s.Members);
        Assert.Equal(10, s.BlockSize);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(999, 999)]
    [InlineData(1000, 1000)]
    [InlineData(10_000, 1000)] // fewer, larger worlds: a grain call per actor and month costs the same whatever the block holds
    public void Without_a_block_the_members_are_stepped_together_up_to_1000(int members, int block)
    {
        var s = ScenarioLoader.Load("good/minimal.yaml", new ScenarioOverrides(Members: members));
        Assert.Equal(block, s.BlockSize);
    }

    [Fact]
    public void Overrides_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioLoader.Load("good/minimal.yaml", new ScenarioOverrides(Members: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioLoader.Load("good/minimal.yaml", new ScenarioOverrides(BlockSize: 0)));
    }

    [Fact]
    public void The_resolved_json_loads_again_to_the_same_scenario()
    {
        var first = ScenarioLoader.Load("good/full-example.yaml");
        string path = Path.Combine(Path.GetTempPath(), $"airace-resolved-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, first.ResolvedJson);
            var again = ScenarioLoader.Load(path);
            Assert.Equal(first.ResolvedJson, again.ResolvedJson);
            Assert.Equal(first.Spec.Events, again.Spec.Events);
            Assert.Equal(first.Spec.Rules, again.Spec.Rules);
            Assert.Equal(first.Spec.Parameters, again.Spec.Parameters);
            Assert.Equal(first.Spec.Rules[0].Then, new ExportControl("US", "CN", 1, Relative: true));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_resolved_json_is_indented_with_invariant_numbers()
    {
        var s = ScenarioLoader.Load("good/full-example.yaml");
        Assert.StartsWith("{\n  \"name\": \"teaching-open-weights\",", s.ResolvedJson);
        Assert.Contains("\"median\": 0.08", s.ResolvedJson);
        Assert.Contains("\"tier\": \"+1\"", s.ResolvedJson);
    }

    [Fact]
    public void Tiers_with_a_sign_are_changes_and_plain_ones_are_absolute()
    {
        string path = Path.Combine(Path.GetTempPath(), $"airace-tiers-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, """
                name: tiers
                start: 2020-01
                end: 2021-12
                deterministic: true
                countries: { US: {}, CN: {} }
                events:
                  - { date: 2020-03, export_control: { by: US, target: CN, tier: 2 } }
                  - { date: 2020-04, export_control: { by: US, target: CN, tier: -1 } }
                  - { date: 2020-05, export_control: { by: US, target: CN, tier: "+1" } }
                """);
            var s = ScenarioLoader.Load(path);
            Assert.True(s.Spec.Deterministic);
            Assert.Equal([new ExportControl("US", "CN", 2), new ExportControl("US", "CN", -1, true), new ExportControl("US", "CN", 1, true)],
                s.Spec.Events.Select(e => e.Country));
            Assert.Equal(Month.Parse("2020-03"), s.Spec.Events[0].Date);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Error_paths_of_extended_files_are_joined_to_the_folder_of_the_file_naming_them()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("./bad/../bad/08-error-in-extended.yaml"));
        Assert.Equal("bad/08-error-in-extended.part.yaml", Assert.Single(e.Errors).File);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_crash()
    {
        string path = Path.Combine(Path.GetTempPath(), $"airace-deep-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "name: deep\nstart: 2020-01\nend: 2020-12\ncountries: { US: {} }\nnote: " + new string('[', 5000) + new string(']', 5000) + "\n");
            var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
            Assert.Contains("nested more than 64 levels", Assert.Single(e.Errors).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScenarioError_prints_file_line_column_message()
    {
        Assert.Equal("a.yaml:3:7: oops", new ScenarioError("a.yaml", 3, 7, "oops").ToString());
    }
}
