using AiRaceSim.Client;
using AiRaceSim.Model.Series;
using AiRaceSim.Output;
using AiRaceSim.Reports;
using AiRaceSim.Scenarios;
using AiRaceSim.Silo;

namespace AiRaceSim.Cli;

public sealed record RunOptions(string Scenario, string? Out, int? Members, ulong? Seed, int? Block, string Format, bool Telemetry, bool NoReport = false);

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
            foreach (var error in e.Errors) stderr.WriteLine(error);
            return ExitCodes.BadInput;
        }
        string destination = options.Out ?? Path.Combine("results", SafeName(scenario.Name));
        if (OutputProblem(destination, scenario) is { } problem)
        {
            stderr.WriteLine($"airace: --out '{destination}' {problem}");
            return ExitCodes.BadInput;
        }

        var started = DateTimeOffset.UtcNow;
        var spec = scenario.Spec;
        var countries = spec.Countries.Select(c => c.Id).ToList();
        bool report = !options.NoReport;
        var recorded = RecordedSeries(scenario, countries, report);
        var catalog = new SeriesCatalog(spec, recorded.Metrics, recorded.Entities);
        Func<SeriesKey, bool> selected = k => (scenario.Metrics?.Contains(k.Metric) ?? true) && (scenario.Entities?.Contains(k.Entity) ?? true);
        var layout = new SeriesLayout(scenario.Name, spec.Start, catalog.Keys, selected);
        var request = new RunRequest(spec, scenario.Members, scenario.BlockSize) { Metrics = recorded.Metrics, Entities = recorded.Entities };
        try
        {
            var warmUp = report ? RunReport.WarmUpAsync() : Task.CompletedTask;
            await using var host = await SimulationHost.StartAsync(new HostOptions { Telemetry = options.Telemetry }, cancellation);
            using var folder = OutputFolder.Create(destination);
            var pairs = Model.State.WorldState.MeasuredPairs(spec).Select(p => (p.Of, p.Behind));
            var summary = new RunSummary(catalog.Keys, countries, pairs, scenario.Now - spec.Start, spec.Months - 1);
            var files = new List<string>();
            var writers = new List<ISeriesWriter> { summary };
            if (options.Format is "csv" or "both") { writers.Add(new TidyCsvWriter(folder.PathOf("series.csv"), layout)); files.Add("series.csv"); }
            if (options.Format is "parquet" or "both")
            {
                writers.Add(await ParquetSeriesWriter.CreateAsync(folder.PathOf("series.parquet"), layout, cancellation));
                files.Add("series.parquet");
            }
            if (scenario.Members > 1 || report)
            {
                // The report is drawn from quantiles.csv (one member too), which therefore also holds the metrics its charts need.
                var charted = report ? new SeriesLayout(scenario.Name, spec.Start, catalog.Keys, k => selected(k) || Reports.Charts.ChartInputs.Metrics.Contains(k.Metric)) : layout;
                writers.Add(new QuantilesWriter(folder.PathOf("quantiles.csv"), charted));
                files.Add("quantiles.csv");
            }
            try
            {
                await ProgressDisplay.RunAsync(stderr, scenario.Name, spec.Months, progress =>
                    new EnsembleRunner(host.Grains).RunAsync(request, async slice =>
                    {
                        foreach (var w in writers) await w.WriteAsync(slice, cancellation);
                    }, progress, cancellation));
                foreach (var w in writers) await w.CompleteAsync(cancellation);
            }
            finally
            {
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
            stdout.WriteLine($"wrote {string.Join(", ", files)}{(report ? $", {RunReport.Html} and {reportFiles.Count - 1} charts in {RunReport.Charts}/" : "")} to {destination}");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("airace: run cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"airace: the run failed: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("airace: nothing was written.");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The scenario's outputs plus what the summary (and the report's charts) need; null keeps everything.</summary>
    private static (string[]? Metrics, string[]? Entities) RecordedSeries(LoadedScenario s, IReadOnlyList<string> countries, bool report)
    {
        var metrics = s.Metrics?.Union(RunSummary.Metrics).Union(report ? Reports.Charts.ChartInputs.Metrics : []).ToArray();
        var pairs = Model.State.WorldState.MeasuredPairs(s.Spec).Select(SeriesCatalog.PairName);
        var entities = s.Entities?.Union(countries).Union(pairs).ToArray();
        return (metrics, entities);
    }

    /// <summary>
    /// Why a destination must not be used, or null. A run replaces its folder as a whole, so it
    /// takes only a new folder, an empty one, or an earlier run's (it holds a manifest.json), and
    /// never one that holds the current directory or a scenario file.
    /// </summary>
    private static string? OutputProblem(string destination, LoadedScenario scenario)
    {
        if (File.Exists(destination)) return "is a file; give a folder (it is created, or an earlier output folder is replaced as a whole).";
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination)) + Path.DirectorySeparatorChar;
        bool Inside(string path) => (Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar)
            .StartsWith(full, StringComparison.Ordinal);
        if (Inside(Environment.CurrentDirectory)) return "holds the current directory; give a folder below it, such as results/<name>.";
        if (scenario.Files.Any(f => Inside(f.Path))) return "holds the scenario files; give another folder.";
        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any()
            && !File.Exists(Path.Combine(destination, "manifest.json")))
            return "is a folder with other files and no airace manifest.json; give a new folder or an earlier output folder (it is replaced as a whole).";
        return null;
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray()).Trim('.');
        return safe.Length == 0 ? "scenario" : safe;
    }
}
