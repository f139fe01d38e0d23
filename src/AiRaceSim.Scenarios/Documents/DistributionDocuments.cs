using System.ComponentModel;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>A distribution written as a map, <c>{dist: family, …}</c>: one document type per family.</summary>
internal abstract class DistributionDocument
{
    public static readonly IReadOnlyDictionary<string, Type> Families = new Dictionary<string, Type>
    {
        ["fixed"] = typeof(FixedDocument),
        ["normal"] = typeof(NormalDocument),
        ["lognormal"] = typeof(LognormalDocument),
        ["beta"] = typeof(BetaDocument),
        ["uniform"] = typeof(UniformDocument),
        ["triangular"] = typeof(TriangularDocument),
        ["discrete"] = typeof(DiscreteDocument),
        ["poisson"] = typeof(PoissonDocument),
        ["negbinomial"] = typeof(NegbinomialDocument),
    };

    [Description("The distribution family.")]
    public required string Dist { get; init; }

    public abstract Distribution ToDistribution();

    /// <summary>The first inconsistency between parameters: the member (C# name) to point at and the message.</summary>
    public virtual (string Member, string Message)? Check() => null;

    protected static string F(double x) => Scalars.Format(x);
}

[Description("A fixed value (the same in every member).")]
internal sealed class FixedDocument : DistributionDocument
{
    [Description("The value.")] public required double Value { get; init; }
    public override Distribution ToDistribution() => new Fixed(Value);
}

[Description("Normal distribution; a deterministic run uses the mean.")]
internal sealed class NormalDocument : DistributionDocument
{
    [Description("Mean.")] public required double Mean { get; init; }
    [Description("Standard deviation, ≥ 0."), InRange(0, 1e15)] public required double Sd { get; init; }
    public override Distribution ToDistribution() => new NormalDist(Mean, Sd);
}

[Description("Log-normal distribution given by its median and 95th percentile; a deterministic run uses the median.")]
internal sealed class LognormalDocument : DistributionDocument
{
    [Description("Median, > 0."), InRange(0, 1e15, MinExclusive = true)] public required double Median { get; init; }
    [Description("95th percentile, above the median.")] public required double P95 { get; init; }
    public override Distribution ToDistribution() => LogNormalDist.FromMedianP95(Median, P95);
    public override (string, string)? Check() => P95 > Median ? null
        : (nameof(P95), $"a lognormal needs p95 above the median, got median {F(Median)} and p95 {F(P95)}; p95 is the value 95% of draws stay below");
}

[Description("Beta(a, b) stretched onto [low, high]; a deterministic run uses the median.")]
internal sealed class BetaDocument : DistributionDocument
{
    [Description("Shape a, > 0."), InRange(0, 1e6, MinExclusive = true)] public required double A { get; init; }
    [Description("Shape b, > 0."), InRange(0, 1e6, MinExclusive = true)] public required double B { get; init; }
    [Description("Lower end (default 0).")] public double? Low { get; init; }
    [Description("Upper end (default 1).")] public double? High { get; init; }
    public override Distribution ToDistribution() => new BetaDist(A, B, Low ?? 0, High ?? 1);
    public override (string, string)? Check() => (Low ?? 0) < (High ?? 1) ? null
        : (High is null ? nameof(Low) : nameof(High), $"a beta needs low below high, got low {F(Low ?? 0)} and high {F(High ?? 1)}");
}

[Description("Uniform distribution on [low, high]; a deterministic run uses the midpoint.")]
internal sealed class UniformDocument : DistributionDocument
{
    [Description("Lower end.")] public required double Low { get; init; }
    [Description("Upper end, above low.")] public required double High { get; init; }
    public override Distribution ToDistribution() => new UniformDist(Low, High);
    public override (string, string)? Check() => Low < High ? null
        : (nameof(High), $"a uniform needs low below high, got low {F(Low)} and high {F(High)}");
}

[Description("Triangular distribution; a deterministic run uses the median.")]
internal sealed class TriangularDocument : DistributionDocument
{
    [Description("Lower end.")] public required double Low { get; init; }
    [Description("Most likely value, between low and high.")] public required double Mode { get; init; }
    [Description("Upper end, above low.")] public required double High { get; init; }
    public override Distribution ToDistribution() => new TriangularDist(Low, Mode, High);
    public override (string, string)? Check() =>
        Low >= High ? (nameof(High), $"a triangular needs low below high, got low {F(Low)} and high {F(High)}")
        : Mode < Low || Mode > High ? (nameof(Mode), $"a triangular needs low ≤ mode ≤ high, got mode {F(Mode)} outside [{F(Low)}, {F(High)}]")
        : null;
}

[Description("A finite set of values with weights (need not sum to 1).")]
internal sealed class DiscreteDocument : DistributionDocument
{
    [Description("The values.")] public required List<double> Values { get; init; }
    [Description("One weight ≥ 0 per value.")] public required List<double> Weights { get; init; }
    public override Distribution ToDistribution() => new DiscreteDist(Values, Weights);
    public override (string, string)? Check() =>
        Values.Count == 0 ? (nameof(Values), "a discrete distribution needs at least one value")
        : Weights.Count != Values.Count ? (nameof(Weights), $"a discrete distribution needs one weight per value, got {Weights.Count} weights for {Values.Count} values")
        : Weights.Any(w => w < 0) ? (nameof(Weights), "discrete weights must be ≥ 0")
        : Weights.Sum() <= 0 ? (nameof(Weights), "discrete weights must not all be 0")
        : null;
}

[Description("Poisson counts with the given mean; a deterministic run uses the mean.")]
internal sealed class PoissonDocument : DistributionDocument
{
    [Description("Mean, ≥ 0."), InRange(0, 1e15)] public required double Mean { get; init; }
    public override Distribution ToDistribution() => new PoissonDist(Mean);
}

[Description("Negative binomial counts: variance = mean + mean²/dispersion; a deterministic run uses the mean.")]
internal sealed class NegbinomialDocument : DistributionDocument
{
    [Description("Mean, ≥ 0."), InRange(0, 1e15)] public required double Mean { get; init; }
    [Description("Dispersion (size) r, > 0."), InRange(0, 1e6, MinExclusive = true)] public required double Dispersion { get; init; }
    public override Distribution ToDistribution() => new NegativeBinomialDist(Mean, Dispersion);
}
