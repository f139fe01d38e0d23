using AiRaceSim.Calibration;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Workflows;

/// <summary>
/// `calibrate --fit` as a workflow: Nelder–Mead over parameter paths, each trial the scenario with
/// the trial's values set in memory (<see cref="ScenarioTemplate"/>, checked as a file would be, no
/// temporary files), run on the driver to the last month the targets read, scored by the targets'
/// weighted squared miss.
/// </summary>
public static class ScenarioFit
{
    /// <summary>The loss of a trial the scenario's rules refuse (a share above 1, say): far above any real miss, so the simplex steers away.</summary>
    public const double OutOfRange = 1e6;

    public static FitResult Run(ScenarioTemplate template, IReadOnlyList<Target> targets, IReadOnlyList<(string Path, double Start)> start,
        int maxIterations, IProgress<(int Evaluation, double Loss)>? progress, CancellationToken cancellation) =>
        Fitter.Fit(start, values => Loss(template, targets, values, cancellation), maxIterations, progress);

    /// <summary>One trial's loss: <see cref="TargetRun.Loss"/> of the scenario with <paramref name="values"/>, or <see cref="OutOfRange"/>.</summary>
    public static double Loss(ScenarioTemplate template, IReadOnlyList<Target> targets, IReadOnlyList<(string Path, double Value)> values,
        CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        LoadedScenario trial;
        try { trial = template.With(values); }
        catch (ScenarioException) { return OutOfRange; }
        return TargetRun.Loss(TargetRun.Evaluate(trial.Spec, targets, trial.Members, trial.BlockSize, cancellation));
    }
}
