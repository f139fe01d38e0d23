namespace AiRaceSim.Cli.Tests;

/// <summary>Bad input: exit code 2, the exact message, and nothing written anywhere.</summary>
[Collection(CliCollection.Name)]
public sealed class InputErrorTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    public static IEnumerable<object[]> BadScenarios() =>
        Directory.GetFiles("bad").Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => File.Exists(Path.ChangeExtension(f, ".expected")))
            .Order(StringComparer.Ordinal).Select(f => new object[] { f.Replace('\\', '/') });

    [Fact]
    public void Every_bad_scenario_of_the_corpus_is_run() => Assert.Equal(129, BadScenarios().Count());

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public async Task A_bad_scenario_exits_2_with_its_exact_message_and_writes_nothing(string file)
    {
        var expected = File.ReadAllLines(Path.ChangeExtension(file, ".expected")).Where(l => l.Length > 0).ToArray();
        var dir = _cli.PathIn("out");
        var (code, stdout, stderr) = await _cli.Run("run", file, "--out", dir);
        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Scratch));
        Assert.False(Directory.Exists("results"));
    }

    [Theory]
    [InlineData("--members", "0", "--members expects a whole number ≥ 1, got '0'")]
    [InlineData("--members", "many", "--members expects a whole number ≥ 1, got 'many'")]
    [InlineData("--members", "1000000000", "--members 1000000000 is more than 100000, the most one run takes; use fewer (or several runs with other seeds)")]
    [InlineData("--members", "99999999999999999999", "--members expects a whole number ≥ 1, got '99999999999999999999'")]
    [InlineData("--block", "-3", "--block expects a whole number ≥ 1, got '-3'")]
    [InlineData("--seed", "-1", "--seed expects a non-negative integer, got '-1'")]
    [InlineData("--format", "xml", "--format expects csv, parquet, both or none, got 'xml'")]
    [InlineData("--colour", "red", "Unrecognized command or argument '--colour'")]
    public async Task Bad_arguments_exit_2_and_write_nothing(string option, string value, string message)
    {
        var dir = _cli.PathIn("out");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--out", dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_missing_scenario_argument_exits_2()
    {
        var (code, _, stderr) = await _cli.Run("run");
        Assert.Equal(2, code);
        Assert.Contains("give a scenario file (or --resume FOLDER to continue an interrupted run)", stderr);
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_bad_input()
    {
        var file = _cli.PathIn("taken");
        File.WriteAllText(file, "x");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--out", file);
        Assert.Equal(2, code);
        Assert.Contains("is a file", stderr);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_run_never_replaces_a_folder_that_is_not_an_earlier_output()
    {
        var mine = _cli.PathIn("mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "keep me");
        var (code, _, stderr) = await _cli.Run("run", "scenarios/small.yaml", "--out", mine);
        Assert.Equal(2, code);
        Assert.Contains("no airace manifest.json", stderr);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(mine, "notes.txt")));

        var (here, _, hereErr) = await _cli.Run("run", "scenarios/small.yaml", "--out", ".");
        Assert.Equal(2, here);
        Assert.Contains("holds the current directory", hereErr);
        var (scenarios, _, scenariosErr) = await _cli.Run("run", "scenarios/small.yaml", "--out", "scenarios");
        Assert.Equal(2, scenarios);
        Assert.Contains("holds the", scenariosErr);
        Assert.True(File.Exists("scenarios/small.yaml"));
    }

    [Fact]
    public async Task An_earlier_output_folder_is_replaced_as_a_whole()
    {
        var dir = _cli.PathIn("again");
        Assert.Equal(0, (await _cli.Run("run", "scenarios/small.yaml", "--out", dir, "--format", "both")).Code);
        Assert.True(File.Exists(Path.Combine(dir, "series.parquet")));
        Assert.Equal(0, (await _cli.Run("run", "scenarios/small.yaml", "--out", dir)).Code);
        Assert.False(File.Exists(Path.Combine(dir, "series.parquet")));
        Assert.True(File.Exists(Path.Combine(dir, "series.csv")));
    }
}
