using System.Security.Cryptography;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>good/sub/extends-child.yaml over good/extends-base.yaml: each merge rule once.</summary>
public class ExtendsTests
{
    private static LoadedScenario Load()
    {
        RepoPaths.UseOutputFolder();
        return ScenarioLoader.Load("good/sub/extends-child.yaml");
    }

    [Fact]
    public void Scalars_of_the_child_win_and_the_rest_comes_from_the_base()
    {
        var s = Load();
        Assert.Equal("child", s.Name);
        Assert.Equal(5UL, s.Spec.Seed);
        Assert.Equal(Month.Parse("2020-01"), s.Spec.Start);
        Assert.Equal(10, s.Members);
    }

    [Fact]
    public void A_number_replaces_a_distribution_and_null_restores_the_default()
    {
        var p = Load().Spec.Parameters;
        Assert.Equal(new Fixed(10), p[ParameterCatalog.AlgorithmicHalvingMonths]);
        Assert.Equal(new GlobalParameters()[ParameterCatalog.Utilisation], p[ParameterCatalog.Utilisation]);
    }

    [Fact]
    public void Maps_merge_key_by_key_and_new_keys_are_appended()
    {
        var countries = Load().Spec.Countries;
        Assert.Equal(["US", "CN", "JP"], countries.Select(c => c.Id));
        Assert.Equal(new Fixed(0.8), countries[0].Market.Potential);
        Assert.Equal(new Fixed(5), countries[0].Market.SpendPerAdopter);
        Assert.Equal(new Fixed(10), countries[0].Support);
        Assert.Equal(new Fixed(0.2), countries[1].Vouchers);
    }

    [Fact]
    public void Firms_merge_by_id_and_new_ids_are_appended()
    {
        var firms = Load().Spec.Firms;
        Assert.Equal(["a", "b", "c"], firms.Select(f => f.Id));
        Assert.Equal(new Fixed(0.05), firms[0].Distillation);
        Assert.Equal(new Fixed(100), firms[0].Funding.Level);
        Assert.True(firms[0].Publishes);
        Assert.Equal("JP", firms[2].Country);
    }

    [Fact]
    public void Events_and_rules_replace_by_id_drop_when_disabled_and_append_without_id()
    {
        var s = Load().Spec;
        Assert.Equal(3, s.Events.Count);
        Assert.Equal(new ScheduledEvent { Date = Month.Parse("2024-02"), Country = new ExportControl("US", "CN", 3), Name = "e2" }, s.Events[0]);
        Assert.Equal(new Vouchers("CN", new Fixed(0.3)), s.Events[1].Country);
        Assert.Equal(new PriceWar("CN", new Fixed(0.8)), s.Events[2].Country);
        Assert.Empty(s.Rules);
    }

    [Fact]
    public void Other_lists_are_replaced_and_a_null_section_returns_to_its_default()
    {
        var s = Load();
        Assert.Equal([new GapPair("JP", "US")], s.Spec.GapPairs);
        Assert.Null(s.Metrics);
    }

    [Fact]
    public void Files_lists_the_child_then_the_base_with_their_hashes()
    {
        var s = Load();
        Assert.Equal(["good/sub/extends-child.yaml", "good/extends-base.yaml"], s.Files.Select(f => f.Path));
        foreach (var f in s.Files)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Path))), f.Sha256);
    }

    [Fact]
    public void The_resolved_json_holds_the_merge_without_extends()
    {
        var json = Load().ResolvedJson;
        Assert.DoesNotContain("extends", json);
        Assert.DoesNotContain("\"e1\"", json);
        Assert.Contains("\"name\": \"child\"", json);
        Assert.Contains("\"spend_per_adopter_musd\": 5", json);
    }
}
