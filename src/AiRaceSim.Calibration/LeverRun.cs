using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Calibration;

/// <summary>
/// A lever's outcome: the paired per-member differences (what-if − baseline) of its series at its
/// month, their median, the 90 % bootstrap interval of the median, and the share of members that
/// moved the stated way; or the reason it could not be judged.
/// </summary>
public sealed record LeverResult(Lever Lever, int Members, double Median, double Low, double High, double ShareMoved, string? Problem = null)
{
    public const double Level = 0.90;

    /// <summary>The interval excludes 0 and the median goes the stated way.</summary>
    public bool Passed => Problem is null && Members > 0 && (Low > 0 || High < 0) && Math.Sign(Median) == (int)Lever.Direction;

    public string Why => Problem ?? (Members == 0 ? "no member has a value"
        : !(Low > 0 || High < 0) ? "the interval holds 0"
        : Math.Sign(Median) != (int)Lever.Direction ? $"the median {(Median < 0 ? "narrows" : "widens")} the gap" : "");

    public static LeverResult Failed(Lever lever, string problem) => new(lever, 0, double.NaN, double.NaN, double.NaN, double.NaN, problem);
}

public static class LeverRun
{
    /// <summary>Why a what-if cannot be paired with the baseline member for member, or null.</summary>
    public static string? Mismatch(LoadedScenario baseline, string baselinePath, LoadedScenario whatIf)
    {
        string full = Path.GetFullPath(baselinePath);
        if (!whatIf.Files.Skip(1).Any(f => Path.GetFullPath(f.Path) == full))
            return $"'{whatIf.Name}' does not extend {Path.GetFileName(baselinePath)}: its members are not the baseline's with one change";
        if (whatIf.Spec.Seed != baseline.Spec.Seed)
            return $"its seed {whatIf.Spec.Seed} is not the baseline's {baseline.Spec.Seed}: no common random numbers";
        if (whatIf.Members != baseline.Members) return $"it runs {whatIf.Members} members, the baseline {baseline.Members}";
        if (whatIf.Spec.Deterministic != baseline.Spec.Deterministic) return "one of the two is deterministic and the other not";
        return null;
    }

    /// <summary>Runs the what-if (same seed and members as the baseline) and pairs its members with the baseline's.</summary>
    public static LeverResult Evaluate(Lever lever, LoadedScenario baseline, string baselinePath, EnsembleSeries baselineSeries, LoadedScenario whatIf,
        CancellationToken cancellation = default)
    {
        if (Mismatch(baseline, baselinePath, whatIf) is { } problem) return LeverResult.Failed(lever, problem);
        if (lever.At < whatIf.Spec.Start || lever.At > whatIf.Spec.End) return LeverResult.Failed(lever, $"{lever.At} is outside the what-if's {whatIf.Spec.Start}..{whatIf.Spec.End}");
        var series = TargetRun.Run(whatIf.Spec, [lever.Series], whatIf.Members, whatIf.BlockSize, cancellation);
        if (!series.Has(lever.Series)) return LeverResult.Failed(lever, $"the what-if records no series {lever.Series.Entity}/{lever.Series.Metric}");
        var differences = new List<double>();
        for (int m = 0; m < baselineSeries.Members; m++)
        {
            double d = series.At(lever.Series, lever.At, m) - baselineSeries.At(lever.Series, lever.At, m);
            if (!double.IsNaN(d)) differences.Add(d);
        }
        return Judge(lever, differences);
    }

    /// <summary>The median of the paired differences, its bootstrap interval and the share that moved the stated way.</summary>
    public static LeverResult Judge(Lever lever, IReadOnlyList<double> differences)
    {
        if (differences.Count == 0) return new LeverResult(lever, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = differences.Order().ToArray();
        var (low, high) = Bootstrap.MedianInterval(differences, LeverResult.Level, ActorKey.Of("lever", lever.Id));
        double moved = differences.Count(d => Math.Sign(d) == (int)lever.Direction) / (double)differences.Count;
        return new LeverResult(lever, differences.Count, Quantiles.Of(sorted, 0.5), low, high, moved);
    }
}
