using AiRaceSim.Ensembles;
using AiRaceSim.Experiments.Designs;
using AiRaceSim.Model.Series;
using AiRaceSim.Output;
using AiRaceSim.Scenarios.Experiments;

namespace AiRaceSim.Workflows;

/// <summary>A design point whose values the scenario refuses (a combination the checks of single factors could not see).</summary>
public sealed class DesignPointException(int point, IReadOnlyList<(string Path, double Value)> values, Scenarios.ScenarioException inner)
    : Exception($"design point {point} ({string.Join(", ", values.Select(v => $"{v.Path} = {Scenarios.Experiments.LoadedExperiment.Format(v.Value)}"))}) is refused by the scenario: {inner.Errors[0].Message}; narrow the factors so every combination is valid", inner);

/// <summary>What an experiment's runs gave: the design, each point's factor values, each point's outcomes per member.</summary>
/// <param name="Outcomes">Outcomes[point][outcome][member], as <see cref="OutcomeReducer"/> gives them.</param>
public sealed record ExperimentResults(LoadedExperiment Experiment, Design Design, MorrisDesign? Morris, double[][] Values, double[][][] Outcomes)
{
    /// <summary>The mean over members of one outcome at each point (NaN if any member has none), what Sobol and Morris analyse.</summary>
    public double[] PointMeans(int outcome) => Outcomes.Select(p => p[outcome].Length == 0 ? double.NaN : p[outcome].Average()).ToArray();
}

/// <summary>
/// Runs every design point of an experiment through the ensemble driver (in-process backend): the
/// scenario with the point's factor values, built in memory, and the experiment's members on its
/// seed, recording only the series the outcomes read. Points run in parallel; each result lands at
/// its point's index, so nothing depends on the order they finish in.
/// </summary>
public static class ExperimentRunner
{
    public static async Task<ExperimentResults> RunAsync(LoadedExperiment e, IProgress<(int Done, int Total)>? progress, CancellationToken cancellation)
    {
        var (design, morris) = e.CreateDesign();
        var values = design.Points.Select(p => e.ValuesAt(p).Select(v => v.Value).ToArray()).ToArray();
        var outcomes = new double[design.Count][][];
        var metrics = e.Outcomes.Select(o => o.Series.Metric).Distinct().ToList();
        var entities = e.Outcomes.Select(o => o.Series.Entity).Distinct().ToList();
        int done = 0;
        progress?.Report((0, design.Count));
        var driver = new EnsembleDriver(new InProcessBackend());
        await Parallel.ForEachAsync(Enumerable.Range(0, design.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
            async (point, ct) =>
            {
                var values = e.ValuesAt(design.Points[point]);
                Model.Parameters.WorldSpec spec;
                try { spec = e.Scenario.With(values).Spec; }
                catch (Scenarios.ScenarioException x) { throw new DesignPointException(point, values, x); }
                var keys = new SeriesCatalog(spec, metrics, entities).Keys;
                var reducer = new OutcomeReducer(keys, e.Outcomes, spec.Start);
                // Few series: the whole run in one slice keeps the driver's per-slice work out of the way.
                long bytes = 8L * spec.Months * e.Members * keys.Count;
                var request = new RunRequest(spec, e.Members, e.BlockSize)
                {
                    Metrics = metrics, Entities = entities,
                    SliceMonths = bytes <= RunRequest.SliceBudgetBytes / 4 ? spec.Months : RunRequest.SliceMonthsFor(e.Members, keys.Count),
                };
                await driver.RunAsync(request, slice => { reducer.Add(slice); return ValueTask.CompletedTask; }, null, ct);
                outcomes[point] = reducer.Values.Select(v => v.ToArray()).ToArray();
                progress?.Report((Interlocked.Increment(ref done), design.Count));
            });
        return new ExperimentResults(e, design, morris, values, outcomes);
    }
}
