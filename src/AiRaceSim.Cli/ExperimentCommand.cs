using System.Globalization;
using AiRaceSim.Output;
using AiRaceSim.Scenarios;
using AiRaceSim.Scenarios.Experiments;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

/// <summary>
/// `airace experiment FILE`: loads and checks the experiment file (exit 2 and nothing written on any
/// problem), takes the output folder, runs every design point on the bare kernel (or a cluster's grains) with progress,
/// analyses the outcomes, writes the tables and prints the main results.
/// </summary>
public static class ExperimentCommand
{
    /// <param name="cluster">Run the points' ensembles as grains of this cluster (each world checkpointing into its Redis); null: in this process.</param>
    public static async Task<int> ExecuteAsync(string file, string? outDir, TextWriter stdout, TextWriter stderr, CancellationToken cancellation,
        Silo.ClusterAddress? cluster = null)
    {
        LoadedExperiment e;
        try { e = ExperimentLoader.Load(file); }
        catch (ScenarioException x) { foreach (var line in x.Lines) stderr.WriteLine(line); return ExitCodes.BadInput; }
        string destination = outDir ?? Path.Combine("results", e.Name);
        OutputFolder folder;
        try { folder = OutputFolder.Take(destination, e.Files.Select(f => f.Path).Append(file)); }
        catch (OutputFolderException x) { stderr.WriteLine($"airace: {x.Message}"); return ExitCodes.BadInput; }
        using var _ = folder;
        long runs = e.Points * e.Members;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"airace: {e.Name}: {e.Design.Kind.ToString().ToLowerInvariant()} design, {e.Factors.Count} factors, {e.Points:N0} points × {e.Members:N0} members = {runs:N0} runs"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int lastShown = -1;
        var gate = new Lock();
        var progress = new SynchronousProgress<(int Done, int Total)>(p =>
        {
            lock (gate) Show(p);
        });
        void Show((int Done, int Total) p)
        {
            // About twenty lines for a whole experiment, each with the rate and the time left.
            int step = Math.Max(1, p.Total / 20);
            if (p.Done != p.Total && p.Done - lastShown < step) return;
            lastShown = p.Done;
            double seconds = clock.Elapsed.TotalSeconds, rate = p.Done / Math.Max(seconds, 1e-9);
            string left = p.Done == 0 || p.Done == p.Total ? "" : string.Create(CultureInfo.InvariantCulture, $", about {(p.Total - p.Done) / rate:F0} s left");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"airace: {e.Name}: {p.Done:N0}/{p.Total:N0} points, {rate * e.Members:N1} runs/s{left}"));
        }
        try
        {
            ExperimentResults results;
            if (cluster is null) results = await ExperimentRunner.RunAsync(e, progress, cancellation);
            else
            {
                await using var host = await Silo.SimulationHost.StartAsync(new Silo.HostOptions { Cluster = cluster }, cancellation);
                results = await ExperimentRunner.RunAsync(e, progress, cancellation, HostBackend.Of(host));
            }
            var analysis = ExperimentAnalysis.Of(results);
            var written = ExperimentFiles.Write(folder.Temporary, results, analysis).Concat(ExperimentReportSections.Write(folder.Temporary, results, analysis)).ToList();
            RunManifest.WriteListing(folder.Temporary, "experiment", written);
            folder.Commit();
            foreach (var s in analysis.Skipped) stderr.WriteLine($"airace: skipped {s}");
            ExperimentSummary.Write(stdout, e, analysis);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs:N0} runs in {clock.Elapsed.TotalSeconds:F1} s; wrote {string.Join(", ", written)}, manifest.json to {destination}"));
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("airace: experiment cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (OutputFolderException x)
        {
            stderr.WriteLine($"airace: {x.Message}");
            return ExitCodes.Failure;
        }
        catch (DesignPointException x)
        {
            stderr.WriteLine($"airace: {x.Message}");
            stderr.WriteLine("airace: nothing was written.");
            return ExitCodes.BadInput;
        }
        catch (Exception x) when (x is not OutOfMemoryException)
        {
            stderr.WriteLine(RunFailure.Describe(x));
            stderr.WriteLine("airace: nothing was written.");
            return ExitCodes.Failure;
        }
        return ExitCodes.Ok;
    }
}
