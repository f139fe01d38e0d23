namespace AiRaceSim.Experiments.Designs;

/// <summary>How a factor's unit-cube coordinate u ∈ [0, 1) becomes its value.</summary>
public abstract record FactorScale
{
    public abstract double ValueAt(double u);
    /// <summary>Levels a factorial design takes (a list's own levels; 3 for a range or a distribution).</summary>
    public virtual int DefaultLevels => 3;
    /// <summary>For design.csv's header comment and the docs: what the factor ranges over.</summary>
    public abstract string Describe();
}

/// <summary>Uniform on [low, high].</summary>
public sealed record RangeScale(double Low, double High) : FactorScale
{
    public override double ValueAt(double u) => Low + u * (High - Low);
    public override string Describe() => FormattableString.Invariant($"range {Low:R} to {High:R}");
}

/// <summary>One of a list of levels, equally likely: level ⌊u·L⌋.</summary>
public sealed record LevelScale(IReadOnlyList<double> Levels) : FactorScale
{
    public override double ValueAt(double u) => Levels[Math.Min(Levels.Count - 1, (int)Math.Floor(u * Levels.Count))];
    public override int DefaultLevels => Levels.Count;
    public override string Describe() => "levels " + string.Join(", ", Levels.Select(l => l.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>
/// A distribution (the scenario's own distribution of an uncertain parameter, say) over its central
/// 99.8 %: u ∈ [0, 1] maps to the quantile at 0.001 + 0.998·u, so unbounded distributions give
/// finite values and the design's extremes stay plausible.
/// </summary>
public sealed record QuantileScale(string Description, Func<double, double> Quantile) : FactorScale
{
    /// <summary>The probability left out at each end.</summary>
    public const double Edge = 0.001;
    public override double ValueAt(double u) => Quantile(Edge + Math.Clamp(u, 0, 1) * (1 - 2 * Edge));
    public override string Describe() => Description;
}
