using System.Text.Json;

namespace AiRaceSim.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class OtherCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    public static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "AiRaceSim.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new DirectoryNotFoundException("AiRaceSim.sln");
        return dir;
    }

    [Fact]
    public async Task Validate_accepts_good_files_and_rejects_bad_ones_with_exit_2()
    {
        var good = await _cli.Run("validate", "scenarios/small.yaml");
        Assert.Equal(0, good.Code);
        Assert.Contains("scenarios/small.yaml: ok (small-test, 2020-01..2023-12", good.Out);
        var bad = Directory.GetFiles("bad", "*.yaml").Order(StringComparer.Ordinal).First();
        var mixed = await _cli.Run("validate", "scenarios/small.yaml", bad);
        Assert.Equal(2, mixed.Code);
        Assert.NotEmpty(mixed.Err);
    }

    [Fact]
    public async Task Schema_prints_the_checked_in_schema()
    {
        var (code, stdout, _) = await _cli.Run("schema");
        Assert.Equal(0, code);
        var expected = File.ReadAllText(Path.Combine(RepositoryRoot(), "scenarios", "schema.json"));
        Assert.Equal(expected.Trim(), stdout.Trim());
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.TryGetProperty("$schema", out _));
    }

    [Fact]
    public async Task Every_scenario_in_the_scenarios_folder_validates()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "targets.yaml").Order().ToArray();
        Assert.NotEmpty(files);
        var (code, _, stderr) = await _cli.Run(["validate", .. files]);
        Assert.True(code == 0, stderr);
    }
}
