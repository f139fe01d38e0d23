using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Equations;

/// <summary>GenAI patent families (P1). Patents are an output only (P2): nothing reads them back.</summary>
public static class Patents
{
    /// <summary>(P1) μ = π_c · Ir^β · M_c, families per month.</summary>
    public static double Expected(double propensity, double researchSpend, double elasticity, double subsidy) =>
        researchSpend <= 0 ? 0 : propensity * Math.Pow(researchSpend, elasticity) * subsidy;

    /// <summary>
    /// (P1) A random run's negative-binomial count around μ for the draw u, whose normal quantile z = Φ⁻¹(u) the caller
    /// takes (for all members at once; read only above <see cref="CountQuantiles.FastExactLimit"/>): the kernel's
    /// <see cref="CountQuantiles.NegativeBinomialFast(double, double, double, double)"/>. A deterministic run counts μ
    /// itself (the kernel's <c>FirmStep.PatentCounts</c>).
    /// </summary>
    public static double Count(double expected, double dispersion, double uniform, double normal) =>
        CountQuantiles.NegativeBinomialFast(expected, dispersion, uniform, normal);
}
