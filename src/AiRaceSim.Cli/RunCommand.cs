using AiRaceSim.Client;
using AiRaceSim.Ensembles;
using Microsoft.Extensions.Logging;
using AiRaceSim.Model.Series;
using AiRaceSim.Output;
using AiRaceSim.Reports;
using AiRaceSim.Scenarios;
using AiRaceSim.Silo;

namespace AiRaceSim.Cli;

public sealed record RunOptions(string Scenario, string? Out, int? Members, ulong? Seed, int? Block, string Format, bool Telemetry, bool Verbose = false, bool NoReport = false);

/// <summary>
/// `airace run`: load and validate (exit 2 on bad input, nothing written), start an embedded silo,
/// stream the run's slices into the writers inside a temporary folder, move it into place when
/// complete, and print a summary table.
/// </summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        LoadedScenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(options.Scenario, new ScenarioOverrides(options.Members, options.Block, options.Seed));
        }
        catch (ScenarioException e)
        {
            foreach (var line in e.Lines) stderr.WriteLine(line);
            return ExitCodes.BadInput;
        }
        string destination = options.Out ?? Path.Combine("results", SafeName(scenario.Name));

        var started = DateTimeOffset.UtcNow;
        var spec = scenario.Spec;
        var countries = spec.Countries.Select(c => c.Id).ToList();
        bool report = !options.NoReport;
        var recorded = RecordedSeries(scenario);
        var catalog = new SeriesCatalog(spec, recorded.Metrics, recorded.Entities);
        Func<SeriesKey, bool> selected = k => (scenario.Metrics?.Contains(k.Metric) ?? true) && (scenario.Entities?.Contains(k.Entity) ?? true);
        // Per-member series: what outputs.per_member asks, else all of them up to LoadedScenario.PerMemberDefault members.
        var layout = new SeriesLayout(scenario.Name, spec.Start, catalog.Keys, k => selected(k) && scenario.WritesPerMember(k.Metric));
        var request = new RunRequest(spec, scenario.Members, scenario.BlockSize)
        {
            Metrics = recorded.Metrics, Entities = recorded.Entities, SliceMonths = RunRequest.SliceMonthsFor(scenario.Members, catalog.Keys.Count),
        };
        try
        {
            OutputDestination.Check(destination, scenario.Files.Select(f => f.Path));
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        bool perMember = options.Format != "none" && layout.Written.Count > 0;
        var estimate = RunEstimate.Of(spec, scenario.Members, catalog.Keys.Count, layout.Written.Count, scenario.Name, perMember);
        if (estimate.Refusal(scenario.Members, AvailableMemory(), FreeDisk(destination), perMember) is { } refusal)
        {
            stderr.WriteLine($"airace: {options.Scenario}: {refusal}.");
            return ExitCodes.BadInput;
        }
        if (estimate.Seconds > 10 || estimate.OutputBytes > 1L << 30)
            stderr.WriteLine($"airace: {scenario.Name}: about {estimate.Seconds:0} s, {RunEstimate.Size(estimate.MemoryBytes)} of memory, {RunEstimate.Size(estimate.OutputBytes)} of series files.");
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
        try
        {
            using var _ = folder;
            var warmUp = report ? RunReport.WarmUpAsync() : Task.CompletedTask;
            await using var host = await SimulationHost.StartAsync(new HostOptions
            {
                Telemetry = options.Telemetry, LogLevel = options.Verbose ? LogLevel.Warning : null,
            }, cancellation);
            var pairs = Model.State.WorldState.MeasuredPairs(spec).Select(p => (p.Of, p.Behind));
            var summary = new RunSummary(catalog.Keys, countries, pairs, scenario.Now - spec.Start, spec.Months - 1, spec.Firms.Select(f => f.Id));
            var files = new List<string>();
            var writers = new List<ISeriesWriter> { summary };
            if (perMember && options.Format is "csv" or "both") { writers.Add(new TidyCsvWriter(folder.PathOf("series.csv"), layout)); files.Add("series.csv"); }
            if (perMember && options.Format is "parquet" or "both")
            {
                writers.Add(await ParquetSeriesWriter.CreateAsync(folder.PathOf("series.parquet"), layout, cancellation));
                files.Add("series.parquet");
            }
            if (scenario.Members > 1 || report || !perMember)
            {
                // The report is drawn from quantiles.csv (one member too), which therefore also holds the series its charts need, report or not (`airace report` later);
                // without per-member series it is the run's only series file.
                var charted = new SeriesLayout(scenario.Name, spec.Start, catalog.Keys, k => selected(k) || Reports.Charts.ChartInputs.Metrics.Contains(k.Metric));
                writers.Add(new QuantilesWriter(folder.PathOf("quantiles.csv"), charted));
                files.Add("quantiles.csv");
            }
            if (scenario.Outcomes.Count > 0)
            {
                writers.Add(new OutcomesWriter(folder.PathOf("outcomes.csv"), catalog.Keys, scenario.Outcomes, spec.Start));
                files.Add("outcomes.csv");
            }
            // Draws depend only on the seed and the member: written beside the run, on a core of their own.
            bool drawsCsv = options.Format != "parquet", drawsParquet = options.Format is "parquet" or "both";
            if (drawsCsv) files.Add("draws.csv");
            if (drawsParquet) files.Add("draws.parquet");
            // Stopped with the run: a failed run does not wait for every member's draws, and failed draws stop the run.
            using var drawing = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var draws = Task.Run(async () =>
            {
                try
                {
                    if (drawsCsv) await DrawsWriter.WriteCsvAsync(folder.PathOf("draws.csv"), spec, scenario.Members, drawing.Token);
                    if (drawsParquet) await DrawsWriter.WriteParquetAsync(folder.PathOf("draws.parquet"), spec, scenario.Members, drawing.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await running.CancelAsync();
                    throw;
                }
            }, drawing.Token);
            try
            {
                await ProgressDisplay.RunAsync(stderr, scenario.Name, spec.Months, progress =>
                    new EnsembleDriver(new GrainBackend(host.Grains)).RunAsync(request, async slice =>
                    {
                        foreach (var w in writers) await w.WriteAsync(slice, running.Token);
                    }, progress, running.Token));
                foreach (var w in writers) await w.CompleteAsync(cancellation);
                await draws;
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                await draws; // the run was stopped because the draws failed: their error is the one to report
                throw;
            }
            finally
            {
                // Draws still running stop first and are awaited, so nothing writes into the folder once it is
                // removed, whatever the writers' disposal does next.
                if (!draws.IsCompleted) await drawing.CancelAsync();
                try { await draws; } catch (Exception) when (!draws.IsCompletedSuccessfully) { }
                foreach (var w in writers) await w.DisposeAsync();
            }
            files.Add("manifest.json");
            new RunManifest
            {
                Scenario = scenario.Name, Files = scenario.Files.Select(f => (f.Path, f.Sha256)).ToList(),
                ResolvedScenarioJson = scenario.ResolvedJson, Seed = spec.Seed, Members = scenario.Members,
                BlockSize = scenario.BlockSize, Blocks = request.Blocks, OutputFiles = files, SeriesWritten = layout.Written.Count,
                Started = started, Finished = DateTimeOffset.UtcNow,
            }.Write(folder.PathOf("manifest.json"));
            await warmUp;
            var reportFiles = report ? RunReport.Write(folder.Temporary) : [];
            folder.Commit();
            SummaryTable.Write(stdout, scenario, summary.Rows());
            if (!perMember && options.Format != "none")
                stdout.WriteLine(scenario.PerMember switch
                {
                    { Count: 0 } => "no per-member series: outputs.per_member is none",
                    null when scenario.Members > LoadedScenario.PerMemberDefault =>
                        $"no per-member series above {LoadedScenario.PerMemberDefault} members (quantiles.csv has every series); ask for them with outputs.per_member: all, or a list of metrics",
                    _ => "no per-member series: outputs.per_member and outputs.entities select none together",
                });
            stdout.WriteLine($"wrote {string.Join(", ", files)}{(report ? $", {RunReport.Html} and {reportFiles.Count - 1} charts in {RunReport.Charts}/" : "")} to {destination}");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("airace: run cancelled; nothing was written.");
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
            stderr.WriteLine("airace: nothing was written.");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The scenario's outputs plus what the summary, the report's charts and the outcomes need, with --no-report
    /// too, so that `airace report` draws the same report later. The charts draw every entity (the
    /// world, each country, pair and firm), so all are kept; null keeps everything.
    /// </summary>
    private static (string[]? Metrics, string[]? Entities) RecordedSeries(LoadedScenario s) =>
        (s.Metrics?.Union(RunSummary.Metrics).Union(Reports.Charts.ChartInputs.Metrics).Union(s.Outcomes.Select(o => o.Series.Metric)).ToArray(), null);

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
