using AiRaceSim.Experiments.Designs;
using AiRaceSim.Output;
using AiRaceSim.Scenarios.Experiments;

namespace AiRaceSim.Workflows;

/// <summary>A design point whose values the scenario refuses (a combination the checks of single factors could not see).</summary>
public sealed class DesignPointException(string at, int point, IReadOnlyList<(string Path, double Value)> values, Scenarios.ScenarioException inner)
    : Exception($"{at}: design point {point} ({string.Join(", ", values.Select(v => $"{v.Path} = {Scenarios.Experiments.LoadedExperiment.Format(v.Value)}"))}) is refused by the scenario: {inner.Errors[0].Message}; narrow the factors so every combination is valid", inner);

/// <summary>What an experiment's runs gave: the design, each point's factor values, each point's outcomes per member.</summary>
/// <param name="Outcomes">Outcomes[point][outcome][member], as <see cref="OutcomeReducer"/> gives them.</param>
public sealed record ExperimentResults(LoadedExperiment Experiment, Design Design, MorrisDesign? Morris, double[][] Values, double[][][] Outcomes)
{
    /// <summary>analyses.pairs: scenario A's and B's outcomes, [outcome of pairs.outcomes][member].</summary>
    public (double[][] A, double[][] B)? Pairs { get; init; }

    /// <summary>The mean over members of one outcome at each point (NaN if any member has none), what Sobol and Morris analyse.</summary>
    public double[] PointMeans(int outcome) => Outcomes.Select(p => p[outcome].Length == 0 ? double.NaN : p[outcome].Average()).ToArray();
}

/// <summary>
/// Runs every design point of an experiment (<see cref="MemberOutcomes"/>): the scenario with the
/// point's factor values, built in memory, and the experiment's members on its seed. Points run in parallel; each result lands at
/// its point's index, so nothing depends on the order they finish in.
/// </summary>
public static class ExperimentRunner
{
    /// <param name="backend">Where the points' ensembles run: in this process unless given (a cluster's grains, `experiment --cluster`).</param>
    public static async Task<ExperimentResults> RunAsync(LoadedExperiment e, IProgress<(int Done, int Total)>? progress, CancellationToken cancellation,
        Ensembles.IEnsembleBackend? backend = null)
    {
        var (design, morris) = e.CreateDesign();
        var values = design.Points.Select(p => e.ValuesAt(p).Select(v => v.Value).ToArray()).ToArray();
        var outcomes = new double[design.Count][][];
        var refused = new DesignPointException?[design.Count];
        int anyRefused = 0;
        int done = 0;
        progress?.Report((0, design.Count));
        await Parallel.ForEachAsync(Enumerable.Range(0, design.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
            async (point, ct) =>
            {
                var pointValues = e.Factors.Select((f, i) => (f.Path, values[point][i])).ToList();
                Model.Parameters.WorldSpec spec;
                try { spec = e.Scenario.With(pointValues).Spec; }
                catch (Scenarios.ScenarioException x)
                {
                    // Every point's scenario is built, so the point named is the first refused whatever the threads did.
                    refused[point] = new DesignPointException(e.FactorsAt, point, pointValues, x);
                    Volatile.Write(ref anyRefused, 1);
                    return;
                }
                // After a refusal the remaining points are only built (to find the first refused one), not run.
                if (Volatile.Read(ref anyRefused) == 1) return;
                outcomes[point] = await MemberOutcomes.RunAsync(spec, e.Outcomes, e.Members, e.BlockSize, ct, backend);
                progress?.Report((Interlocked.Increment(ref done), design.Count));
            });
        if (refused.FirstOrDefault(x => x is not null) is { } first) throw first;
        (double[][], double[][])? pairs = null;
        if (e.Pairs is { } p)
        {
            // Only the outcomes the pairs compare: the loader checked those against both scenarios.
            var compared = p.Outcomes.Select(n => e.Outcomes.First(o => o.Name == n)).ToList();
            pairs = (await MemberOutcomes.RunAsync(p.A.Spec, compared, p.A.Members, p.A.BlockSize, cancellation, backend),
                await MemberOutcomes.RunAsync(p.B.Spec, compared, p.B.Members, p.B.BlockSize, cancellation, backend));
        }
        return new ExperimentResults(e, design, morris, values, outcomes) { Pairs = pairs };
    }
}
