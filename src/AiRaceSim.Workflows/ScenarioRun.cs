using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.State;
using AiRaceSim.Output;
using AiRaceSim.Reports;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Workflows;

/// <summary>What a run wrote: its files (manifest last) and the summary's rows.</summary>
public sealed record RunResult(IReadOnlyList<string> Files, IReadOnlyList<SummaryRow> Summary);

/// <summary>
/// One scenario run as a workflow: which series it records and writes (<see cref="Plan"/>), then the
/// ensemble driver on a given backend streaming its slices into the writers, the draws beside it and the
/// manifest (<see cref="WriteAsync"/>), then the report (<see cref="WriteReportAsync"/>), all inside an
/// output folder the caller takes and commits. `airace run`
/// calls it on the grain backend; a caller with other needs (a test, a page) on either backend.
/// </summary>
public sealed class ScenarioRun
{
    /// <summary>Per-member series formats: csv, parquet, both or none.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "parquet", "both", "none"];

    public LoadedScenario Scenario { get; }
    public string Format { get; }
    public bool Report { get; }
    public SeriesCatalog Catalog { get; }
    /// <summary>The per-member series written (what outputs.per_member asks, else all up to <see cref="LoadedScenario.PerMemberDefault"/> members).</summary>
    public SeriesLayout Layout { get; }
    public RunRequest Request { get; }
    /// <summary>Whether series.csv or series.parquet is written.</summary>
    public bool PerMember { get; }

    private readonly Func<SeriesKey, bool> _selected;
    private Task _warmUp = Task.CompletedTask;

    private ScenarioRun(LoadedScenario scenario, string format, bool report)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"format must be one of {string.Join(", ", Formats)}, got '{format}'");
        (Scenario, Format, Report) = (scenario, format, report);
        var spec = scenario.Spec;
        var recorded = RecordedSeries(scenario);
        Catalog = new SeriesCatalog(spec, recorded.Metrics, recorded.Entities);
        _selected = k => (scenario.Metrics?.Contains(k.Metric) ?? true) && (scenario.Entities?.Contains(k.Entity) ?? true);
        Layout = new SeriesLayout(scenario.Name, spec.Start, Catalog.Keys, k => _selected(k) && scenario.WritesPerMember(k.Metric));
        Request = new RunRequest(spec, scenario.Members, scenario.BlockSize)
        {
            Metrics = recorded.Metrics, Entities = recorded.Entities, SliceMonths = RunRequest.SliceMonthsFor(scenario.Members, Catalog.Keys.Count),
        };
        PerMember = format != "none" && Layout.Written.Count > 0;
    }

    public static ScenarioRun Plan(LoadedScenario scenario, string format = "csv", bool report = true) => new(scenario, format, report);

    /// <summary>Starts the report's first use of ScottPlot and Skia in the background, to overlap whatever the caller starts next (the silo).</summary>
    public void BeginReport()
    {
        if (Report && _warmUp == Task.CompletedTask) _warmUp = RunReport.WarmUpAsync();
    }

    /// <summary>
    /// Runs the ensemble on <paramref name="backend"/> and writes every output into <paramref name="folder"/>,
    /// leaving it to the caller to commit (or, on an exception, to dispose of, which removes it).
    /// </summary>
    /// <param name="started">When the run began, for the manifest only (nothing of it reaches a result).</param>
    /// <param name="checkpoint">
    /// The run's checkpoints (<see cref="Checkpoint"/>): the worlds and the writers save theirs at every slice boundary, on a backend
    /// that keeps them in <see cref="RunCheckpoint.Worlds"/>; one that was <see cref="RunCheckpoint.Resumed"/> goes on from there.
    /// </param>
    public async Task<RunResult> WriteAsync(OutputFolder folder, IEnsembleBackend backend, DateTimeOffset started,
        IProgress<RunProgress>? progress, CancellationToken cancellation, RunCheckpoint? checkpoint = null)
    {
        var scenario = Scenario;
        var spec = scenario.Spec;
        var request = checkpoint is null ? Request : Request with
        {
            Checkpoints = true, RunId = checkpoint.Facts.RunId, ResumeAt = checkpoint.Resumed?.MonthsDone ?? 0,
        };
        if (checkpoint is not null && checkpoint.Facts.SliceMonths != request.SliceMonths)
            throw new InvalidDataException($"the checkpoints are of slices of {checkpoint.Facts.SliceMonths} months, this run's of {request.SliceMonths}");
        var resumed = checkpoint?.Resumed?.Writers;
        byte[]? StateOf(string file) => resumed is null ? null
            : resumed.TryGetValue(file, out var state) ? state : throw new InvalidDataException($"the checkpoint has nothing for {file}");
        var pairs = WorldState.MeasuredPairs(spec).Select(p => (p.Of, p.Behind));
        var summary = new RunSummary(Catalog.Keys, spec.Countries.Select(c => c.Id), pairs, scenario.Now - spec.Start, spec.Months - 1, spec.Firms.Select(f => f.Id));
        if (StateOf(SummaryState) is { } summaryState) summary.Resume(summaryState);
        var files = new List<string>();
        var writers = new List<ISeriesWriter> { summary };
        var names = new List<string> { SummaryState }; // what each writer's checkpoint is filed under
        // Draws depend only on the seed and the member: written beside the run, on a core of their own.
        bool drawsCsv = Format != "parquet", drawsParquet = Format is "parquet" or "both";
        // Stopped with the run: a failed run does not wait for every member's draws, and failed draws stop the run.
        using var drawing = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task draws = Task.CompletedTask;
        try
        {
            // Created inside the try: a writer that fails to open leaves the ones before it disposed (their files closed).
            void Add(ISeriesWriter writer, string file)
            {
                writers.Add(writer);
                names.Add(file);
                files.Add(file);
            }
            if (PerMember && Format is "csv" or "both") Add(new TidyCsvWriter(folder.PathOf("series.csv"), Layout, StateOf("series.csv")), "series.csv");
            if (PerMember && Format is "parquet" or "both")
                Add(await ParquetSeriesWriter.CreateAsync(folder.PathOf("series.parquet"), Layout, cancellation, resume: StateOf("series.parquet")), "series.parquet");
            if (scenario.Members > 1 || Report || !PerMember)
            {
                // The report is drawn from quantiles.csv (one member too), which therefore also holds the series its charts need, report or not (`airace report` later);
                // without per-member series it is the run's only series file.
                var charted = new SeriesLayout(scenario.Name, spec.Start, Catalog.Keys, k => _selected(k) || Reports.Charts.ChartInputs.Metrics.Contains(k.Metric));
                Add(new QuantilesWriter(folder.PathOf("quantiles.csv"), charted, StateOf("quantiles.csv")), "quantiles.csv");
            }
            if (scenario.Outcomes.Count > 0)
                Add(new OutcomesWriter(folder.PathOf("outcomes.csv"), Catalog.Keys, scenario.Outcomes, spec.Start, StateOf("outcomes.csv")), "outcomes.csv");
            if (drawsCsv) files.Add("draws.csv");
            if (drawsParquet) files.Add("draws.parquet");
            draws = Task.Run(async () =>
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
            // A run stopped after its last slice was written has nothing left to step: its writers were restored complete.
            if (request.ResumeAt < spec.Months)
                await new EnsembleDriver(backend) { ReusesSlices = true }.RunAsync(request, async slice =>
                {
                    foreach (var w in writers) await w.WriteAsync(slice, running.Token);
                    if (checkpoint is null) return;
                    // The worlds saved this boundary before handing the slice over; now the output has reached it too.
                    var states = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                    for (int i = 0; i < writers.Count; i++) states[names[i]] = await writers[i].CheckpointAsync(running.Token);
                    checkpoint.Record(slice.FirstMonthIndex + slice.Months, states);
                }, progress, running.Token);
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
            BlockSize = scenario.BlockSize, Blocks = request.Blocks, OutputFiles = files, SeriesWritten = Layout.Written.Count,
            Started = checkpoint?.Facts.Started ?? started, Finished = DateTimeOffset.UtcNow,
        }.Write(folder.PathOf("manifest.json"));
        return new RunResult(files, summary.Rows());
    }

    /// <summary>
    /// What a checkpointed run of this plan is (<see cref="RunCheckpoint.Begin"/>): <paramref name="scenarioPath"/> is loaded
    /// again on resuming, with the same <paramref name="overrides"/>.
    /// </summary>
    public RunFacts Facts(string scenarioPath, ScenarioOverrides overrides, DateTimeOffset started) => new(
        Path.GetFullPath(scenarioPath), ResolvedSha256(Scenario), overrides.Members, overrides.Seed, overrides.BlockSize, Format, Report,
        Request.RunId, Request.SliceMonths, started);

    /// <summary>SHA-256 of the resolved scenario: a resumed run is of the same scenario, whatever its files look like.</summary>
    public static string ResolvedSha256(LoadedScenario scenario) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scenario.ResolvedJson)));

    private const string SummaryState = "summary";

    /// <summary>The charts and report.html from the folder's quantiles (none unless the plan asks for the report); after <see cref="WriteAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> WriteReportAsync(OutputFolder folder)
    {
        if (!Report) return [];
        BeginReport();
        await _warmUp;
        return RunReport.Write(folder.Temporary);
    }

    /// <summary>
    /// The scenario's outputs plus what the summary, the report's charts and the outcomes need, with --no-report
    /// too, so that `airace report` draws the same report later. The charts draw every entity (the
    /// world, each country, pair and firm), so all are kept; null keeps everything.
    /// </summary>
    private static (string[]? Metrics, string[]? Entities) RecordedSeries(LoadedScenario s) =>
        (s.Metrics?.Union(RunSummary.Metrics).Union(Reports.Charts.ChartInputs.Metrics).Union(s.Outcomes.Select(o => o.Series.Metric)).ToArray(), null);
}
