namespace AiRaceSim.Scenarios.Tests;

/// <summary>
/// Every bad/NN-name.yaml (or .json) with a sibling .expected must fail to load with exactly the
/// error lines of that file. The same files serve the CLI's end-to-end tests.
/// </summary>
public class BadFileTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var expected in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "bad"), "*.expected").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(expected));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_with_the_expected_errors(string name)
    {
        RepoPaths.UseOutputFolder();
        string file = File.Exists($"bad/{name}.yaml") ? $"bad/{name}.yaml" : $"bad/{name}.json";
        var expected = File.ReadAllLines($"bad/{name}.expected").Where(l => l.Length > 0).ToList();
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
        Assert.Equal(expected, e.Lines.ToList());
    }

    /// <summary>Pinned to the corpus: a case lost (or added without its expected file) fails here.</summary>
    [Fact]
    public void The_corpus_holds_129_cases()
    {
        Assert.Equal(129, Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "bad"), "*.expected").Length);
    }

    [Fact]
    public void Every_case_file_has_an_expected_file_and_every_expected_a_case()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "bad");
        var scenarios = Directory.GetFiles(dir).Where(f => (f.EndsWith(".yaml") || f.EndsWith(".json")) && !f.Contains(".part."))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var expected = Directory.GetFiles(dir, "*.expected").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(scenarios, expected);
    }
}
