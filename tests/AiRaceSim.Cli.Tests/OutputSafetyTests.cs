using AiRaceSim.Output;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// --out never loses a user's files: a folder is replaced only when it is an earlier output that
/// holds nothing its manifest does not list; a destination is checked before anything runs; two
/// runs into one destination do not race; partial folders of dead runs are removed.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputSafetyTests : IDisposable
{
    private const string Small = "scenarios/small.yaml";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_project_folder_with_some_manifest_json_is_never_replaced()
    {
        var project = _cli.PathIn("project");
        Directory.CreateDirectory(Path.Combine(project, "src"));
        File.WriteAllText(Path.Combine(project, "src", "app.js"), "console.log(1)");
        File.WriteAllText(Path.Combine(project, "README.md"), "# mine");
        File.WriteAllText(Path.Combine(project, "manifest.json"), "{\"name\": \"my-app\", \"version\": \"1.0.0\"}");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--out", project);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"airace: --out '{project}' holds a manifest.json, but its manifest.json is not an airace run manifest (no \"format\": \"airace-run\"); give a new folder\n",
            stderr.Replace("\r", ""));
        Assert.Equal("console.log(1)", File.ReadAllText(Path.Combine(project, "src", "app.js")));
        Assert.Equal("# mine", File.ReadAllText(Path.Combine(project, "README.md")));
        Assert.Equal(["project"], Directory.GetFileSystemEntries(_cli.Scratch).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_foreign_file_or_folder_in_an_earlier_output_stops_the_run_before_it_starts()
    {
        var dir = _cli.PathIn("out");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir)).Code);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "my notes");
        Directory.CreateDirectory(Path.Combine(dir, "plots", "2026"));
        File.WriteAllText(Path.Combine(dir, "plots", "2026", "gap.png"), "png");
        var before = File.ReadAllText(Path.Combine(dir, "series.csv"));
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--out", dir, "--seed", "5");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"airace: --out '{dir}' is an earlier output, but also holds 'notes.txt', 'plots', which its manifest does not list; " +
            "a run replaces its folder as a whole, so move them out or give another folder\n", stderr.Replace("\r", ""));
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Equal("png", File.ReadAllText(Path.Combine(dir, "plots", "2026", "gap.png")));
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "series.csv")));
    }

    [Fact]
    public async Task A_manifest_of_a_later_format_version_is_not_taken_for_ours()
    {
        var dir = _cli.PathIn("future");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"format\": \"airace-run\", \"format_version\": 99, \"outputs\": [\"manifest.json\"]}");
        var (code, _, stderr) = await _cli.Run("run", Small, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("has a format_version this airace does not know (it knows 1..1)", stderr);
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
    }

    [Fact]
    public async Task An_earlier_output_that_holds_only_what_its_manifest_lists_is_replaced()
    {
        var dir = _cli.PathIn("again");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir, "--format", "both")).Code);
        var (code, stdout, _) = await _cli.Run("run", Small, "--out", dir, "--format", "parquet");
        Assert.Equal(0, code);
        Assert.EndsWith($"wrote series.parquet, quantiles.csv, outcomes.csv, draws.parquet, manifest.json, report.html and 16 charts in charts/ to {dir}\n", stdout.Replace("\r", ""));
        Assert.Equal(["draws.parquet", "manifest.json", "outcomes.csv", "quantiles.csv", "report.html", "series.parquet"],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Nothing is left beside the destination but its lock file: no partial or old folder.
        Assert.Equal([".again.lock", "again"], Directory.GetFileSystemEntries(_cli.Scratch).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_run_into_a_destination_in_use_is_refused_and_the_first_keeps_it()
    {
        var dir = _cli.PathIn("shared");
        using (var first = OutputFolder.Take(dir, []))
        {
            var (code, stdout, stderr) = await _cli.Run("run", Small, "--out", dir);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal($"airace: another airace run (process {Environment.ProcessId}) is writing to '{dir}'; wait for it to finish or give another --out\n",
                stderr.Replace("\r", ""));
            Assert.True(Directory.Exists(first.Temporary));
        }
        // Once the first is done the destination is free again.
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir)).Code);
    }

    [Fact]
    public async Task Partial_folders_no_run_owns_are_removed_whatever_process_id_they_carry()
    {
        // Under the destination's lock no other run writes there: a leftover partial folder is stale even if its
        // process id is a live process's (in a container every run is process 1; ids are reused).
        var dir = _cli.PathIn("out");
        int dead = DeadPid();
        var stale = _cli.PathIn($".out.partial-{dead}-0123456789abcdef");
        var staleOld = _cli.PathIn($".out.old-{dead}-0123456789abcdef");
        var reused = _cli.PathIn($".out.partial-{Environment.ProcessId}-fedcba9876543210");
        var other = _cli.PathIn($".other.partial-{dead}-fedcba9876543210"); // another destination's: not this run's to remove
        foreach (var d in new[] { stale, staleOld, reused, other }) Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(stale, "series.csv"), "half");
        Assert.Equal(0, (await _cli.Run("run", Small, "--out", dir)).Code);
        Assert.False(Directory.Exists(stale));
        Assert.False(Directory.Exists(staleOld));
        Assert.False(Directory.Exists(reused));
        Assert.True(Directory.Exists(other));
    }

    [Theory]
    [InlineData("", "airace: --out '' is empty; give a folder, such as results/baseline")]
    [InlineData("/proc/airace-out", "airace: cannot write in '/proc': it takes no new files (a special file system such as /proc?)")]
    [InlineData("/dev/null/out", "airace: cannot create the folder '/dev/null': it is a file, not a folder")]
    public async Task An_unusable_destination_is_bad_input_before_anything_runs(string destination, string message)
    {
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--out", destination);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message + "\n", stderr.Replace("\r", ""));
    }

    [Fact]
    public async Task A_destination_name_too_long_for_the_file_system_is_refused_before_anything_runs()
    {
        var name = new string('n', 300);
        var (code, _, stderr) = await _cli.Run("run", Small, "--out", _cli.PathIn(name));
        Assert.Equal(2, code);
        Assert.EndsWith("has a name of 300 bytes; names can have at most 255\n", stderr.Replace("\r", ""));
        Assert.True(stderr.Length < 500, "the message echoed the whole path");
        Assert.DoesNotContain("months", stderr); // refused before the first month
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Scratch));
    }

    [Fact]
    public async Task A_run_that_overflows_stops_at_the_first_NaN_naming_it_and_writes_nothing()
    {
        var dir = _cli.PathIn("overflow");
        var (code, stdout, stderr) = await _cli.Run("run", "scenarios/overflow.yaml", "--out", dir);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Funding ×10 a year from 1e6 M$ and hardware doubling monthly: capability leaves the doubles in 2066.
        Assert.Equal("airace: the run stopped: the model produced NaN (not a number) for capability of firm 'us-lab' in 2066-08, member 0; " +
            "a parameter is probably far outside its usual range (see docs/SCENARIOS.md, Limits)", lines[^2]);
        Assert.Equal("airace: nothing was written.", lines[^1]);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_symbolic_link_as_destination_is_refused()
    {
        var target = _cli.PathIn("real");
        Directory.CreateDirectory(target);
        var link = _cli.PathIn("link");
        Directory.CreateSymbolicLink(link, target);
        var (code, _, stderr) = await _cli.Run("run", Small, "--out", link);
        Assert.Equal(2, code);
        Assert.Contains($"is a symbolic link (to '{target}'); give the folder itself", stderr);
    }

    /// <summary>A process id no process has: above the kernel's pid_max when it can be read.</summary>
    private static int DeadPid()
    {
        int max = File.Exists("/proc/sys/kernel/pid_max") ? int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim()) : 4_194_304;
        return max + 1;
    }
}
