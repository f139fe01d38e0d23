using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using AiRaceSim.Contracts;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Tests;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Grains.Tests;

public class ContractTests
{
    /// <summary>A spec that uses every kind of distribution, action and entry the codec must carry.</summary>
    private static WorldSpec Everything()
    {
        var spec = TestWorlds.WithPolicy();
        var m = Month.Of(2021, 1);
        return spec with
        {
            Firms = [.. spec.Firms, TestWorlds.Firm("late", "CN", 10) with
            {
                Entry = Month.Of(2022, 1), EntryCapability = new FrontierAt(Month.Of(2020, 6)),
                ComputeShare = new TriangularDist(0.5, 0.6, 0.7), InitialCompute = new DiscreteDist([0, 100], [1, 3]),
                FrontierRunShare = new StepSchedule([(Month.Of(2020, 1), 0.1), (Month.Of(2021, 1), 0.4)]),
                RunMonths = new UniformDist(2.5, 6.5), StaggerRuns = true,
                Funding = FundingSchedule.Flat(10, Month.Of(2022, 1)) with { Fade = new GrowthFade(1.15, 24) },
            }, TestWorlds.Firm("level", "US", 10) with { Entry = Month.Of(2021, 1), EntryCapability = new CapabilityLevel(24) }],
            Rules = [spec.Rules[0] with { From = Month.Of(2021, 6), To = Month.Of(2024, 12) }, .. spec.Rules.Skip(1)],
            Countries =
            [
                spec.Countries[0] with { HistoryBeforeStart = [(Month.Of(2019, 1), 22.5)], Gdp = new GdpSeries(27.36, Month.Of(2023, 7), 1.05) },
                spec.Countries[1] with { Gdp = new GdpSeries(17.79, Month.Of(2023, 7), 1.06), BudgetCeilingShare = new Fixed(0.03), SpendCeilingShare = new BetaDist(2, 40),
                    FrontierRunShareScale = LogNormalDist.FromMedianP95(1, 1.65) },
            ],
            Events =
            [
                .. spec.Events,
                new ScheduledEvent { Date = m, Country = new Enforcement("CN", new NormalDist(1, 0.2), Relative: true) },
                new ScheduledEvent { Date = m, Country = new ApiUnblock("us-frontier", "CN") },
                new ScheduledEvent { Date = m, Country = new Support("CN", new PoissonDist(30)) },
                new ScheduledEvent { Date = m, Country = new ChipFund("CN", new NegativeBinomialDist(100, 5)) },
                new ScheduledEvent { Date = m, Country = new DomesticChips("CN", new Fixed(0.8), null) },
                new ScheduledEvent { Date = m, Country = new PatentSubsidy("CN", LogNormalDist.FromMedianP95(4, 8)) },
                new ScheduledEvent { Date = m, Country = new PriceWar("CN", new Fixed(0.5)) },
                new ScheduledEvent { Date = m, Firm = new FundingScale("cn-a", new Fixed(2)) },
                new ScheduledEvent { Date = Month.Of(2022, 6), Firm = new Exit("cn-b") },
            ],
        };
    }

    [Fact]
    public void The_spec_codec_round_trips_every_kind_of_value()
    {
        var spec = Everything();
        var bytes = SpecCodec.Serialize(spec);
        var back = SpecCodec.Deserialize(bytes);
        Assert.Equal(bytes, SpecCodec.Serialize(back));
        // The v2 fields come back as they went (a dropped field would also round-trip its bytes).
        var late = back.Firms.Single(f => f.Id == "late");
        Assert.Equal(new UniformDist(2.5, 6.5), late.RunMonths);
        Assert.True(late.StaggerRuns);
        Assert.Equal(new GrowthFade(1.15, 24), late.Funding.Fade);
        Assert.Equal((Month.Of(2021, 6), Month.Of(2024, 12)), (back.Rules[0].From, back.Rules[0].To));
        Assert.Equal(new GdpSeries(27.36, Month.Of(2023, 7), 1.05), back.Countries[0].Gdp);
        Assert.Equal(new GdpSeries(17.79, Month.Of(2023, 7), 1.06), back.Countries[1].Gdp);
        Assert.Equal(new Fixed(0.03), back.Countries[1].BudgetCeilingShare);
        Assert.Equal(new BetaDist(2, 40), back.Countries[1].SpendCeilingShare);
        Assert.Equal(LogNormalDist.FromMedianP95(1, 1.65), back.Countries[1].FrontierRunShareScale);
        Assert.Contains("\"$type\":\"negbinomial\"", SpecCodec.ToJson(spec));
    }

    [Fact]
    public void The_spec_codec_brings_back_every_field_it_was_given()
    {
        // Equal bytes after a second round trip would also hold for a field the codec drops on both
        // ways; so walk every public property and field of the spec and compare it with what came back.
        var spec = Everything();
        var back = SpecCodec.Deserialize(SpecCodec.Serialize(spec));
        int leaves = 0;
        SameValue(spec, back, "spec", 0, ref leaves);
        Assert.True(leaves > 300, $"only {leaves} values compared");
    }

    [Fact]
    public void The_field_walk_finds_one_changed_value_deep_inside()
    {
        var spec = Everything();
        var changed = spec with { Countries = [spec.Countries[0], spec.Countries[1] with { SmugglingBase = new Fixed(0.11) }] };
        int leaves = 0;
        var e = Assert.ThrowsAny<Exception>(() => SameValue(spec, changed, "spec", 0, ref leaves));
        Assert.Contains("spec.Countries[1].SmugglingBase", e.Message);
    }

    /// <summary>Structural equality by reflection: records compared member by member, lists element by element.</summary>
    private static void SameValue(object? expected, object? actual, string path, int depth, ref int leaves)
    {
        Assert.True(depth < 24, $"{path}: nested too deep (a cycle?)");
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} came back as {actual ?? "null"}");
            leaves++;
            return;
        }
        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or Month)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} came back as {actual}");
            leaves++;
            return;
        }
        if (expected is IEnumerable items && expected is not GlobalParameters)
        {
            var x = items.Cast<object?>().ToList();
            var y = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
            Assert.True(x.Count == y.Count, $"{path}: {x.Count} items came back as {y.Count}");
            for (int i = 0; i < x.Count; i++) SameValue(x[i], y[i], $"{path}[{i}]", depth + 1, ref leaves);
            return;
        }
        Assert.True(type == actual.GetType(), $"{path}: {type.Name} came back as {actual.GetType().Name}");
        if (expected is GlobalParameters set)
        {
            var got = (GlobalParameters)actual;
            foreach (var p in ParameterCatalog.All) SameValue(set[p], got[p], $"{path}[{p.Key}]", depth + 1, ref leaves);
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance);
        Assert.True(properties.Count + fields.Length > 0, $"{path}: a {type.Name} has nothing to compare");
        foreach (var p in properties) SameValue(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}", depth + 1, ref leaves);
        foreach (var f in fields) SameValue(f.GetValue(expected), f.GetValue(actual), $"{path}.{f.Name}", depth + 1, ref leaves);
    }

    [Fact]
    public void The_spec_codec_carries_every_global_parameter()
    {
        // A distinct non-default value per parameter: one dropped or swapped by the codec shows.
        var set = ParameterCatalog.All.Aggregate(new GlobalParameters(), (s, p) =>
            s.With(p, p.IsWholeNumber ? new Fixed(7 + p.Index) : new UniformDist(p.Index, p.Index + 0.5)));
        var back = SpecCodec.Deserialize(SpecCodec.Serialize(Everything() with { Parameters = set })).Parameters;
        Assert.All(ParameterCatalog.All, p => Assert.Equal(set[p], back[p]));
        Assert.Equal(set, back);
        foreach (var p in ParameterCatalog.All) Assert.Contains($"\"{p.Key}\":", SpecCodec.ToJson(Everything()));
    }

    [Fact]
    public void The_spec_codec_names_every_action_by_its_scenario_key()
    {
        string json = SpecCodec.ToJson(Everything());
        Assert.All(ActionCatalog.All, a => Assert.Contains($"\"$type\":\"{a.Key}\"", json));
    }

    [Fact]
    public void A_world_built_from_the_decoded_spec_runs_to_the_same_bits()
    {
        var spec = Everything();
        var a = new BlockSimulation(spec, 0, 3, new SeriesCatalog(spec));
        var b = new BlockSimulation(SpecCodec.Deserialize(SpecCodec.Serialize(spec)), 0, 3, new SeriesCatalog(spec));
        a.Run(); b.Run();
        Assert.Equal(a.TakeSeries()!.Values, b.TakeSeries()!.Values);
    }

    [Fact]
    public void Grains_hold_state_and_call_the_kernel_without_model_arithmetic()
    {
        var root = Path.GetDirectoryName(typeof(ContractTests).Assembly.Location)!;
        while (!File.Exists(Path.Combine(root, "AiRaceSim.sln"))) root = Path.GetDirectoryName(root)!;
        var arithmetic = new Regex(@"\bMath\.|\bAiRaceSim\.Model\.Equations\b|\bEquations\.");
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src", "AiRaceSim.Grains"), "*Grain.cs"))
            foreach (var line in File.ReadLines(file))
                Assert.False(arithmetic.IsMatch(line.Split("//")[0]), $"{Path.GetFileName(file)}: {line.Trim()}");
    }
}
