using System.Globalization;
using AiRaceSim.Experiments.Designs;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Scenarios.Experiments;

public enum DesignKind { Factorial, Lhs, Sobol, Morris }

/// <summary>A scenario value set at each design point, and how a design coordinate becomes its value.</summary>
public sealed record ExperimentFactor(string Path, FactorScale Scale);

/// <summary>The design as the file gives it, defaults filled in.</summary>
public sealed record ExperimentDesign(DesignKind Kind, int N, bool SecondOrder, int Trajectories, int Levels);

/// <summary>Sobol or Morris: the outcomes analysed, the intervals' level, the bootstrap resamples.</summary>
public sealed record IndicesAnalysis(IReadOnlyList<string> Outcomes, double Level, int Resamples);

/// <summary>PRIM's cases of interest: an outcome compared with a threshold (a month outcome's months as indices from the start, 'never' as +∞).</summary>
public sealed record PrimCondition(string Outcome, string Operator, double Threshold, string Text)
{
    public bool Holds(double value)
    {
        if (double.IsNaN(value)) return false;
        return Operator switch
        {
            "<" => value < Threshold,
            "<=" => value <= Threshold,
            ">" => value > Threshold,
            _ => value >= Threshold,
        };
    }
}

public sealed record PrimAnalysis(PrimCondition Condition, double Alpha, double MinMass, double MinDensity);

/// <summary>Policy A against B: both scenarios loaded with the experiment's seed and members, the outcomes compared, the intervals' level.</summary>
public sealed record PairsAnalysis(LoadedScenario A, LoadedScenario B, IReadOnlyList<string> Outcomes, double Level);

/// <summary>
/// An experiment file, checked and resolved: its scenario (read once, varied in memory), the
/// factors, the design, the outcomes and the analyses. Every member of every design point runs
/// on the same seed, so member m of each point draws the same numbers (common random numbers).
/// </summary>
public sealed record LoadedExperiment(
    string Name, string? Description, ScenarioTemplate Scenario, ulong Seed, int Members, int BlockSize,
    IReadOnlyList<ExperimentFactor> Factors, ExperimentDesign Design, IReadOnlyList<Outcome> Outcomes,
    IndicesAnalysis? Sobol, IndicesAnalysis? Morris, PrimAnalysis? Prim, IReadOnlyList<ScenarioFile> Files)
{
    /// <summary>Where the file lists its factors, file:line:column: what a refused design point is reported at.</summary>
    public string FactorsAt { get; init; } = "";

    /// <summary>analyses.pairs, if asked for.</summary>
    public PairsAnalysis? Pairs { get; init; }

    /// <summary>The design's points in the unit cube (for Morris also its trajectories' steps).</summary>
    public (Design Points, MorrisDesign? Morris) CreateDesign()
    {
        int k = Factors.Count;
        switch (Design.Kind)
        {
            case DesignKind.Factorial: return (FactorialDesign.Create(Factors.Select(f => f.Scale is LevelScale l ? l.Levels.Count : Design.Levels).ToList()), null);
            case DesignKind.Lhs: return (LatinHypercube.Create(Design.N, k, Seed), null);
            case DesignKind.Sobol: return (SaltelliDesign.Create(Design.N, k, Design.SecondOrder), null);
            default:
                var m = MorrisDesign.Create(Design.Trajectories, k, Design.Levels, Seed);
                return (m.Design, m);
        }
    }

    /// <summary>Design points the file asks for (before members), in doubles so that no factorial product can overflow.</summary>
    public double PointCount => Design.Kind switch
    {
        DesignKind.Factorial => Factors.Aggregate(1.0, (p, f) => p * (f.Scale is LevelScale l ? l.Levels.Count : Design.Levels)),
        DesignKind.Lhs => Design.N,
        DesignKind.Sobol => (double)Design.N * SaltelliDesign.RowsPerBase(Factors.Count, Design.SecondOrder),
        _ => (double)Design.Trajectories * (Factors.Count + 1),
    };

    /// <summary>Design points (the loader refuses more than <see cref="ExperimentLoader.MaxRuns"/> runs, so this fits).</summary>
    public long Points => (long)PointCount;

    /// <summary>The factors' values at a design point.</summary>
    public IReadOnlyList<(string Path, double Value)> ValuesAt(double[] point) =>
        Factors.Select((f, i) => (f.Path, f.Scale.ValueAt(point[i]))).ToList();

    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
