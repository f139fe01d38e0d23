using AiRaceSim.Client;
using Microsoft.Extensions.Logging;
using AiRaceSim.Output;
using AiRaceSim.Reports;
using AiRaceSim.Scenarios;
using AiRaceSim.Silo;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

public sealed record RunOptions(string Scenario, string? Out, int? Members, ulong? Seed, int? Block, string Format, bool Telemetry, bool Verbose = false, bool NoReport = false)
{
    /// <summary>Run on this Redis-clustered deployment (`airace silo`) instead of an embedded silo.</summary>
    public ClusterAddress? Cluster { get; init; }
    /// <summary>Keep checkpoints beside the partial output, so that an interrupted run can be resumed.</summary>
    public bool Checkpoints { get; init; }
    /// <summary>Continue the interrupted run of this output folder (everything else comes from its checkpoints).</summary>
    public string? Resume { get; init; }
}

/// <summary>
/// `airace run`: load and validate (exit 2 on bad input, nothing written), check the destination and
/// the estimate, start an embedded silo (or join a cluster, --cluster), run the <see cref="ScenarioRun"/> workflow on its grains inside
/// a temporary folder, move it into place when complete, and print a summary table.
/// </summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (options.Resume is { } resumed) return await ResumeCommand.ExecuteAsync(resumed, options, stdout, stderr, cancellation);
        LoadedScenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(options.Scenario, Overrides(options));
        }
        catch (ScenarioException e)
        {
            foreach (var line in e.Lines) stderr.WriteLine(line);
            return ExitCodes.BadInput;
        }
        string destination = options.Out ?? Path.Combine("results", SafeName(scenario.Name));

        var started = DateTimeOffset.UtcNow;
        var spec = scenario.Spec;
        var plan = ScenarioRun.Plan(scenario, options.Format, report: !options.NoReport);
        try
        {
            OutputDestination.Check(destination, scenario.Files.Select(f => f.Path));
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        bool perMember = plan.PerMember;
        var estimate = RunEstimate.Of(spec, scenario.Members, scenario.BlockSize, plan.Catalog.Keys.Count, plan.Layout.Written.Count, scenario.Name, perMember);
        if ((estimate.Refusal(scenario.Members, AvailableMemory(), FreeDisk(destination), perMember)
             ?? (options.Checkpoints ? estimate.CheckpointRefusal(spec, scenario.Members, FreeDisk(destination), perMember) : null)) is { } refusal)
        {
            stderr.WriteLine($"airace: {options.Scenario}: {refusal}.");
            return ExitCodes.BadInput;
        }
        if (estimate.Seconds > 10 || estimate.OutputBytes > 1L << 30)
            stderr.WriteLine($"airace: {scenario.Name}: about {estimate.Seconds:0} s, {estimate.MemoryRange} of memory, {RunEstimate.Size(estimate.OutputBytes)} of series files.");
        if (estimate.MemoryWarning(scenario.Members, AvailableMemory()) is { } warning) stderr.WriteLine($"airace: {scenario.Name}: {warning}.");
        OutputFolder folder;
        try
        {
            folder = OutputFolder.Take(destination, scenario.Files.Select(f => f.Path));
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        RunCheckpoint? checkpoint = null;
        if (options.Checkpoints)
        {
            try { checkpoint = RunCheckpoint.Begin(folder, plan.Facts(options.Scenario, Overrides(options), started)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                folder.Dispose();
                stderr.WriteLine($"airace: cannot keep checkpoints in '{folder.Temporary}': {e.Message}");
                return ExitCodes.Failure;
            }
        }
        return await WriteAsync(plan, folder, destination, checkpoint, options, started, stdout, stderr, cancellation);
    }

    /// <summary>The run itself, into a folder taken for it (new or resumed): host, workflow, report, commit, summary.</summary>
    internal static async Task<int> WriteAsync(ScenarioRun plan, OutputFolder folder, string destination, RunCheckpoint? checkpoint,
        RunOptions options, DateTimeOffset started, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var scenario = plan.Scenario;
        var spec = scenario.Spec;
        bool perMember = plan.PerMember;
        try
        {
            using var _ = folder;
            plan.BeginReport();
            await using var host = await SimulationHost.StartAsync(new HostOptions
            {
                Telemetry = options.Telemetry, LogLevel = options.Verbose ? LogLevel.Warning : null, Cluster = options.Cluster,
                CheckpointFolder = checkpoint?.Worlds,
            }, cancellation);
            RunResult result;
            try
            {
                result = await ProgressDisplay.RunAsync(stderr, scenario.Name, spec.Months, progress =>
                    plan.WriteAsync(folder, HostBackend.Of(host), started, progress, cancellation, checkpoint));
            }
            catch (Exception e) when (checkpoint is { MonthsDone: > 0 } && e is not InvalidDataException)
            {
                // (Not for a checkpoint that cannot be read or does not fit: resuming would fail the same way.)
                // The output is written and checkpointed through some month: the folder stays for `airace run --resume`.
                stderr.WriteLine($"airace: {scenario.Name}: stopped after {checkpoint.MonthsDone} of {spec.Months} months; " +
                    $"continue with `airace run --resume {destination}` (the checkpoints are in '{folder.Temporary}')");
                throw;
            }
            var reportFiles = await plan.WriteReportAsync(folder);
            // Complete: what is moved into place is the output alone (until here a stop leaves it to be resumed).
            checkpoint?.Remove();
            folder.Commit();
            SummaryTable.Write(stdout, scenario, result.Summary);
            if (!perMember && options.Format != "none")
                stdout.WriteLine(scenario.PerMember switch
                {
                    { Count: 0 } => "no per-member series: outputs.per_member is none",
                    null when scenario.Members > LoadedScenario.PerMemberDefault =>
                        $"no per-member series above {LoadedScenario.PerMemberDefault} members (quantiles.csv has every series); ask for them with outputs.per_member: all, or a list of metrics",
                    _ => "no per-member series: outputs.per_member and outputs.entities select none together",
                });
            stdout.WriteLine($"wrote {string.Join(", ", result.Files)}{(plan.Report ? $", {RunReport.Html} and {reportFiles.Count - 1} charts in {RunReport.Charts}/" : "")} to {destination}");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine(checkpoint is { MonthsDone: > 0 } ? "airace: run cancelled." : "airace: run cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine(RunFailure.Describe(e));
            if (checkpoint is not { MonthsDone: > 0 }) stderr.WriteLine("airace: nothing was written.");
            return ExitCodes.Failure;
        }
    }

    private static ScenarioOverrides Overrides(RunOptions o) => new(o.Members, o.Block, o.Seed);

    private static long AvailableMemory() => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.8);

    /// <summary>Free space on the file system that will hold the destination (its nearest existing folder).</summary>
    private static long FreeDisk(string destination)
    {
        try
        {
            var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(destination) ? "." : destination);
            while (!Directory.Exists(dir) && Path.GetDirectoryName(dir) is { } up) dir = up;
            var drive = new DriveInfo(dir);
            // A special file system (/proc) reports no size; taking the folder says what is wrong with it.
            return drive.TotalSize == 0 ? long.MaxValue : drive.AvailableFreeSpace;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return long.MaxValue; // the destination check that follows says what is wrong with it
        }
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray()).Trim('.');
        return safe.Length == 0 ? "scenario" : safe;
    }
}
