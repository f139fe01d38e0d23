using MathNet.Numerics.Distributions;

namespace AiRaceSim.Experiments.Designs;

/// <summary>How a factor's unit-cube coordinate u ∈ [0, 1) becomes its value.</summary>
public abstract record FactorScale
{
    public abstract double ValueAt(double u);
    /// <summary>Levels a factorial design takes (its levels, or 3 points of a range or distribution unless told otherwise).</summary>
    public virtual int DefaultLevels => 3;
}

/// <summary>Uniform on [low, high].</summary>
public sealed record RangeScale(double Low, double High) : FactorScale
{
    public override double ValueAt(double u) => Low + u * (High - Low);
}

/// <summary>One of a list of levels, equally likely: level ⌊u·L⌋.</summary>
public sealed record LevelScale(IReadOnlyList<double> Levels) : FactorScale
{
    public override double ValueAt(double u) => Levels[Math.Min(Levels.Count - 1, (int)Math.Floor(u * Levels.Count))];
    public override int DefaultLevels => Levels.Count;
}

/// <summary>A distribution's quantile at u (u is kept inside (0, 1) so unbounded distributions stay finite).</summary>
public sealed record DistributionScale(string Family, IContinuousDistribution Distribution) : FactorScale
{
    public override double ValueAt(double u) => Distribution switch
    {
        Normal d => d.InverseCumulativeDistribution(Inside(u)),
        LogNormal d => d.InverseCumulativeDistribution(Inside(u)),
        ContinuousUniform d => d.InverseCumulativeDistribution(u),
        Triangular d => d.InverseCumulativeDistribution(u),
        Beta d => d.InverseCumulativeDistribution(Inside(u)),
        _ => throw new NotSupportedException($"no quantile for {Family}"),
    };

    private static double Inside(double u) => Math.Clamp(u, 1e-12, 1 - 1e-12);
}
