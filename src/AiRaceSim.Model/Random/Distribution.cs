using MathNet.Numerics.Distributions;

namespace AiRaceSim.Model.Random;

/// <summary>
/// A distribution that turns a uniform number into a draw through its inverse CDF. Inverse
/// CDFs (rather than samplers with their own state) keep every draw a pure function of its key.
/// </summary>
public abstract record Distribution
{
    public abstract double InverseCdf(double u);

    /// <summary>The value a deterministic run uses (median for continuous laws, mean for counts).</summary>
    public abstract double Central { get; }

    public double Draw(ulong seed, long member, int actor, int month, int slot) =>
        InverseCdf(CounterRng.Uniform(seed, member, actor, month, slot));
}

/// <summary>A fixed value: the "distribution" of a parameter given as a plain number.</summary>
public sealed record Fixed(double Value) : Distribution
{
    public override double InverseCdf(double u) => Value;
    public override double Central => Value;
}

public sealed record NormalDist(double Mean, double StdDev) : Distribution
{
    public override double InverseCdf(double u) => StdDev == 0 ? Mean : Normal.InvCDF(Mean, StdDev, u);
    public override double Central => Mean;
}

/// <summary>Log-normal given by the log-scale μ and shape σ of ln X.</summary>
public sealed record LogNormalDist(double Mu, double Sigma) : Distribution
{
    /// <summary>z of the 95th percentile of the standard normal.</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>The form scenario files use: median and 95th percentile.</summary>
    public static LogNormalDist FromMedianP95(double median, double p95)
    {
        if (median <= 0 || p95 <= median) throw new ArgumentException("log-normal needs 0 < median < p95");
        return new LogNormalDist(Math.Log(median), Math.Log(p95 / median) / Z95);
    }

    public override double InverseCdf(double u) => Sigma == 0 ? Math.Exp(Mu) : LogNormal.InvCDF(Mu, Sigma, u);
    public override double Central => Math.Exp(Mu);
}

/// <summary>Beta(a, b), optionally stretched onto [Lower, Upper].</summary>
public sealed record BetaDist(double A, double B, double Lower = 0, double Upper = 1) : Distribution
{
    public override double InverseCdf(double u) => Lower + (Upper - Lower) * Beta.InvCDF(A, B, u);
    public override double Central => InverseCdf(0.5);
}

public sealed record UniformDist(double Lower, double Upper) : Distribution
{
    public override double InverseCdf(double u) => ContinuousUniform.InvCDF(Lower, Upper, u);
    public override double Central => 0.5 * (Lower + Upper);
}

public sealed record TriangularDist(double Lower, double Mode, double Upper) : Distribution
{
    public override double InverseCdf(double u) => Triangular.InvCDF(Lower, Upper, Mode, u);
    public override double Central => InverseCdf(0.5);
}

/// <summary>A finite set of values with weights (need not sum to 1).</summary>
public sealed record DiscreteDist(IReadOnlyList<double> Values, IReadOnlyList<double> Weights) : Distribution
{
    public override double InverseCdf(double u)
    {
        double total = 0;
        for (int i = 0; i < Weights.Count; i++) total += Weights[i];
        double target = u * total, acc = 0;
        for (int i = 0; i < Values.Count; i++)
        {
            acc += Weights[i];
            if (target < acc) return Values[i];
        }
        return Values[^1];
    }

    public override double Central => InverseCdf(0.5);
}

public sealed record PoissonDist(double Mean) : Distribution
{
    public override double InverseCdf(double u) => CountQuantiles.Poisson(Mean, u);
    public override double Central => Mean;
}

/// <summary>Negative binomial by mean and dispersion (size) r: variance = mean + mean²/r.</summary>
public sealed record NegativeBinomialDist(double Mean, double Dispersion) : Distribution
{
    public override double InverseCdf(double u) => CountQuantiles.NegativeBinomial(Mean, Dispersion, u);
    public override double Central => Mean;
}
