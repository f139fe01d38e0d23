using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// `airace run --checkpoints` stopped part-way (SIGINT: the run stops itself; SIGKILL: it has no say) and
/// `airace run --resume` of its folder: the same bytes as a run that never stopped, and the refusals around it.
/// </summary>
[Collection(CliCollection.Name)]
public sealed partial class ResumeTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static readonly string[] Compared = [.. ProcessTests.ResultFiles, "series.parquet", "draws.parquet"];

    [Fact]
    public async Task An_interrupted_run_resumed_gives_the_bytes_of_the_run_that_never_stopped()
    {
        // A copy of the baseline, so that the test can change it under the interrupted run.
        var scenario = _cli.PathIn("baseline.yaml");
        File.Copy(Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "baseline.yaml"), scenario);
        string[] run = ["run", scenario, "--members", "20", "--no-report", "--format", "both"];
        var reference = _cli.PathIn("whole");
        var (code, _, stderr) = await _cli.Run([.. run, "--out", reference]);
        Assert.True(code == 0, stderr);

        foreach (int signal in new[] { 2, 9 })
        {
            var dest = _cli.PathIn($"stopped-{signal}");
            var (exit, err) = await StopPartWay([.. run, "--checkpoints", "--out", dest], signal);
            Assert.Equal(128 + signal, exit);
            Assert.False(Directory.Exists(dest), err); // nothing was committed
            if (signal == 2) Assert.Contains($"continue with `airace run --resume ", err);

            // The interrupted run's checkpoints are not lost to a new run by mistake.
            (code, _, stderr) = await _cli.Run([.. run, "--out", dest]);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("has an interrupted run with checkpoints", stderr);
            Assert.Contains($"airace run --resume {dest}", stderr);
            if (signal == 2)
            {
                // Another scenario under the same file name is not resumed.
                var text = File.ReadAllText(scenario);
                File.WriteAllText(scenario, text.Replace("seed: 20240709", "seed: 20240710"));
                (code, _, stderr) = await _cli.Run("run", "--resume", dest);
                Assert.Equal(ExitCodes.BadInput, code);
                Assert.Contains("is not the one the run began with", stderr);
                File.WriteAllText(scenario, text);
            }

            (code, var stdout, stderr) = await _cli.Run("run", "--resume", dest);
            Assert.True(code == 0, stderr);
            var resumedAt = int.Parse(ResumedAt().Match(stderr).Groups[1].Value);
            Assert.InRange(resumedAt, 1, 263);
            // The progress line only says the run had got that far: the process goes on until the signal lands,
            // and may checkpoint later months first. A run that stopped itself says where, and resumes there.
            if (StoppedAfter().Match(err) is { Success: true } said)
                Assert.Equal(int.Parse(said.Groups[1].Value), resumedAt);
            Assert.Contains("wrote series.csv, series.parquet", stdout);
            foreach (var name in Compared)
                Assert.True(File.ReadAllBytes(Path.Combine(reference, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dest, name))),
                    $"{name} of the run resumed after SIGNAL {signal} differs from the whole run's");
            // The output alone was moved into place, and nothing was left beside it.
            Assert.False(Directory.Exists(Path.Combine(dest, "checkpoint")));
            Assert.Empty(Directory.GetDirectories(_cli.Scratch, $".stopped-{signal}.*"));
        }
    }

    [Theory]
    [InlineData("a scenario file", "run", "SCENARIO", "--resume", "FOLDER")]
    [InlineData("--members", "run", "--resume", "FOLDER", "--members", "5")]
    [InlineData("--format", "run", "--resume", "FOLDER", "--format", "csv")]
    [InlineData("give a scenario file (or --resume FOLDER", "run")]
    [InlineData("--checkpoints is for a local run", "run", "SCENARIO", "--checkpoints", "--cluster", "127.0.0.1:6379")]
    public async Task Resume_and_checkpoint_options_that_do_not_go_together_are_refused(string expected, params string[] args)
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");
        var (code, _, stderr) = await _cli.Run(args.Select(a => a switch { "SCENARIO" => scenario, "FOLDER" => _cli.PathIn("x"), _ => a }).ToArray());
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task A_folder_without_an_interrupted_run_has_nothing_to_resume()
    {
        var (code, _, stderr) = await _cli.Run("run", "--resume", _cli.PathIn("never-run"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("has no interrupted run to resume (a run keeps its checkpoints only with --checkpoints)", stderr);
    }

    /// <summary>Starts airace, sends <paramref name="signal"/> once a slice is done (mid-run), and returns its exit and stderr.</summary>
    private static async Task<(int Exit, string Err)> StopPartWay(string[] args, int signal)
    {
        using var process = ProcessTests.Start(null, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var lines = new List<string>();
        int month = -1;
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
            while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
            {
                lines.Add(line);
                if (month < 0 && Progress().Match(line) is { Success: true } m && int.Parse(m.Groups[1].Value) is > 0 and < 264 and var done)
                {
                    month = done;
                    Assert.Equal(0, ProcessTests.Kill(process.Id, signal));
                }
            }
        await process.WaitForExitAsync();
        await stdout;
        var err = string.Join("\n", lines);
        Assert.True(month > 0, err);
        return (process.ExitCode, err);
    }

    [GeneratedRegex(@": (\d+)/264 months")]
    private static partial Regex Progress();

    [GeneratedRegex(@"stopped after (\d+) of 264 months")]
    private static partial Regex StoppedAfter();

    [GeneratedRegex(@"resuming after (\d+) of 264 months")]
    private static partial Regex ResumedAt();

    public void Dispose() => _cli.Dispose();
}

/// <summary>A run stopped after its last slice was written (while the draws or the files were still being finished).</summary>
[Collection(CliCollection.Name)]
public sealed class ResumeAfterTheLastSliceTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task A_run_stopped_after_its_last_slice_resumes_without_stepping_to_the_same_bytes()
    {
        var small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");
        var scenario = Scenarios.ScenarioLoader.Load(small);
        var whole = _cli.PathIn("whole");
        using (var folder = Output.OutputFolder.Take(whole, []))
        {
            await Workflows.ScenarioRun.Plan(scenario, report: false).WriteAsync(folder, new Ensembles.InProcessBackend(), DateTimeOffset.UnixEpoch, null, default);
            folder.Commit();
        }

        var dest = _cli.PathIn("stopped");
        var plan = Workflows.ScenarioRun.Plan(scenario, report: false);
        using var stop = new CancellationTokenSource();
        using (var folder = Output.OutputFolder.Take(dest, []))
        {
            var checkpoint = Output.RunCheckpoint.Begin(folder, plan.Facts(small, new Scenarios.ScenarioOverrides(), DateTimeOffset.UnixEpoch));
            // Stopped once the last slice is written and checkpointed: before the files are completed.
            var progress = new StopAtTheEnd(stop);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                plan.WriteAsync(folder, new Ensembles.InProcessBackend(), DateTimeOffset.UnixEpoch, progress, stop.Token, checkpoint));
            Assert.Equal(scenario.Spec.Months, checkpoint.MonthsDone);
        }
        Assert.False(Directory.Exists(dest));

        // Resumed: nothing is left to step (no world is started, the in-process backend could not resume one), the files are finished.
        var (code, stdout, stderr) = await _cli.Run("run", "--resume", dest);
        Assert.True(code == 0, stderr);
        Assert.Contains($"resuming after {scenario.Spec.Months} of {scenario.Spec.Months} months", stderr);
        foreach (var name in ProcessTests.ResultFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(whole, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dest, name))), $"{name} differs");
    }

    private sealed class StopAtTheEnd(CancellationTokenSource stop) : IProgress<Ensembles.RunProgress>
    {
        public void Report(Ensembles.RunProgress p)
        {
            if (p.MonthsDone == p.MonthsTotal) stop.Cancel();
        }
    }

    public void Dispose() => _cli.Dispose();
}
