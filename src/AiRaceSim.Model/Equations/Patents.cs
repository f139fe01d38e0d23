using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Equations;

/// <summary>GenAI patent families (P1). Patents are an output only (P2): nothing reads them back.</summary>
public static class Patents
{
    /// <summary>(P1) μ = π_c · Ir^β · M_c, families per month.</summary>
    public static double Expected(double propensity, double researchSpend, double elasticity, double subsidy) =>
        researchSpend <= 0 ? 0 : propensity * Math.Pow(researchSpend, elasticity) * subsidy;

    /// <summary>
    /// (P1) A negative-binomial count around μ (through <see cref="CountQuantiles.NegativeBinomialFast"/>:
    /// exact for small μ, a gamma approximation above); μ itself in a deterministic run.
    /// </summary>
    public static double Count(double expected, double dispersion, double uniform, bool deterministic) =>
        deterministic ? expected : CountQuantiles.NegativeBinomialFast(expected, dispersion, uniform);

    /// <summary><see cref="Count"/> of a random run with the draw's normal quantile z = Φ⁻¹(u) at hand: the same count.</summary>
    public static double Count(double expected, double dispersion, double uniform, double normal) =>
        expected <= CountQuantiles.FastExactLimit ? CountQuantiles.NegativeBinomial(expected, dispersion, uniform)
            : CountQuantiles.GammaApproximation(expected, dispersion, normal);
}
