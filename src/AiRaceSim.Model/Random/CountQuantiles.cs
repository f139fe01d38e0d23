using MathNet.Numerics;

namespace AiRaceSim.Model.Random;

/// <summary>
/// Inverse CDFs of the Poisson and negative binomial laws, which MathNet.Numerics lacks: the
/// smallest k with CDF(k) ≥ u. The pmf is summed upward from 0 by its recurrence, which costs
/// a multiply per step and is exact; for large means, where that walk is long (and p(0) may
/// underflow), the walk starts at a normal guess whose CDF comes from MathNet's regularised
/// gamma and beta functions and moves one step at a time.
/// </summary>
public static class CountQuantiles
{
    private const double DirectWalkLimit = 64;

    public static double Poisson(double mean, double u)
    {
        if (mean <= 0) return 0;
        if (mean <= DirectWalkLimit)
        {
            double p = Math.Exp(-mean), cdf = p;
            int k = 0;
            while (cdf < u && p > 0)
            {
                k++;
                p *= mean / k;
                cdf += p;
            }
            return k;
        }
        return WalkFrom(Guess(mean, mean, u), k => SpecialFunctions.GammaUpperRegularized(k + 1, mean),
            k => Math.Exp(k * Math.Log(mean) - mean - SpecialFunctions.GammaLn(k + 1)), u);
    }

    /// <summary>Mean up to which <see cref="NegativeBinomialFast(double, double, double)"/> is exact.</summary>
    public const double FastExactLimit = 16;

    /// <summary>
    /// The negative-binomial quantile for the kernel's monthly patent counts: exact (the pmf walk)
    /// up to a mean of <see cref="FastExactLimit"/>; above it the quantile of the gamma law with the
    /// same mean and variance by the Wilson–Hilferty cube-root transform, with a continuity
    /// correction. The tests bound its error against the exact quantile (an exact search there
    /// costs about a microsecond a draw, several times a whole firm-month).
    /// </summary>
    public static double NegativeBinomialFast(double mean, double dispersion, double u) =>
        NegativeBinomialFast(mean, dispersion, u, NormalQuantile.Standard(u));

    /// <summary>
    /// <see cref="NegativeBinomialFast(double, double, double)"/> with z = Φ⁻¹(u) taken by the caller (read only above
    /// <see cref="FastExactLimit"/>): the kernel takes every member's z at once.
    /// </summary>
    public static double NegativeBinomialFast(double mean, double dispersion, double u, double z) =>
        mean <= FastExactLimit ? NegativeBinomial(mean, dispersion, u) : GammaApproximation(mean, dispersion, z);

    /// <summary>
    /// <see cref="NegativeBinomialFast(double, double, double, double)"/> above <see cref="FastExactLimit"/>, from z = Φ⁻¹(u):
    /// a caller with many draws takes their normal quantiles together (<see cref="NormalQuantile.Standard(ReadOnlySpan{double}, Span{double})"/>).
    /// </summary>
    public static double GammaApproximation(double mean, double dispersion, double z)
    {
        double variance = mean + mean * mean / dispersion;
        double shape = mean * mean / variance, scale = variance / mean;
        double c = 1 / (9 * shape);
        double root = 1 - c + z * Math.Sqrt(c);
        double x = root <= 0 ? 0 : shape * scale * root * root * root;
        return Math.Max(0, Math.Ceiling(x - 0.5)); // continuity: P(X ≤ k) ≈ F(k + ½)
    }

    public static double NegativeBinomial(double mean, double dispersion, double u)
    {
        if (mean <= 0) return 0;
        double p = dispersion / (dispersion + mean); // success probability
        if (mean <= DirectWalkLimit)
        {
            double pk = Math.Pow(p, dispersion), cdf = pk;
            int k = 0;
            while (cdf < u && pk > 0)
            {
                pk *= (k + dispersion) / (k + 1) * (1 - p);
                k++;
                cdf += pk;
            }
            return k;
        }
        double variance = mean + mean * mean / dispersion;
        return WalkFrom(Guess(mean, variance, u), k => SpecialFunctions.BetaRegularized(dispersion, k + 1, p),
            k => Math.Exp(SpecialFunctions.GammaLn(k + dispersion) - SpecialFunctions.GammaLn(k + 1)
                          - SpecialFunctions.GammaLn(dispersion) + dispersion * Math.Log(p) + k * Math.Log(1 - p)), u);
    }

    private static int Guess(double mean, double variance, double u) =>
        Math.Max(0, (int)Math.Floor(mean + Math.Sqrt(variance) * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u)));

    /// <summary>From a guess k, step down while CDF(k−1) ≥ u, else up until CDF(k) ≥ u.</summary>
    private static double WalkFrom(int k, Func<int, double> cdf, Func<int, double> pmf, double u)
    {
        double c = cdf(k);
        if (c >= u)
        {
            while (k > 0)
            {
                double below = c - pmf(k);
                if (below < u) break;
                c = below;
                k--;
            }
            return k;
        }
        while (c < u)
        {
            k++;
            double step = pmf(k);
            if (step <= 0 && c > 1 - 1e-15) break;
            c += step;
        }
        return k;
    }
}
