using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AiRaceSim.Calibration;

public sealed record FitResult(IReadOnlyList<(string Path, double Value)> Values, double Loss, int Evaluations, bool Converged);

/// <summary>
/// Nelder–Mead (MathNet.Numerics) on the logarithms of the named parameters (all positive
/// quantities; the simplex starts ±20 % around the scenario's values), minimising the weighted
/// squared misses of the targets. Each evaluation runs the ensemble under the same seed, so the
/// loss is a deterministic function of the parameters (common random numbers).
/// </summary>
public static class Fitter
{
    public static FitResult Fit(IReadOnlyList<(string Path, double Start)> parameters, Func<IReadOnlyList<(string Path, double Value)>, double> loss,
        int maxIterations, IProgress<(int Evaluation, double Loss)>? progress = null)
    {
        foreach (var (path, value) in parameters)
            if (!(value > 0)) throw new ArgumentException($"--fit {path}: its value {value} is not positive; the fit works on logarithms of positive parameters");
        int evaluations = 0;
        double best = double.PositiveInfinity;
        IReadOnlyList<(string Path, double Value)> bestValues = parameters.Select(p => (p.Path, p.Start)).ToList();
        IReadOnlyList<(string Path, double Value)> Values(Vector<double> x) => parameters.Select((p, i) => (p.Path, Math.Exp(x[i]))).ToList();
        var objective = ObjectiveFunction.Value(x =>
        {
            var values = Values(x);
            double l = loss(values);
            evaluations++;
            if (l < best) { best = l; bestValues = values; }
            progress?.Report((evaluations, best));
            return l;
        });
        var start = Vector<double>.Build.Dense(parameters.Select(p => Math.Log(p.Start)).ToArray());
        var step = Vector<double>.Build.Dense(parameters.Count, Math.Log(1.2));
        try
        {
            var result = new NelderMeadSimplex(1e-4, maxIterations).FindMinimum(objective, start, step);
            return new FitResult(Values(result.MinimizingPoint), result.FunctionInfoAtMinimum.Value, evaluations, true);
        }
        catch (MaximumIterationsException)
        {
            // MathNet gives up without its point: hand back the best one evaluated, marked unconverged.
            return new FitResult(bestValues, best, evaluations, false);
        }
    }
}
