using System.Runtime.CompilerServices;
namespace AiRaceSim.Model.Equations;

/// <summary>Research stock, absorptive capacity and algorithmic efficiency (A1, A2).</summary>
public static class Knowledge
{
    /// <summary>(A1) Z(t+1) = (1 − δ_Z/12)·Z + Ir.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ResearchStock(double stock, double depreciationPerYear, double researchSpend) =>
        (1 - depreciationPerYear / 12) * stock + researchSpend;

    /// <summary>(A1) γ = Z/(Z + Z50).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Absorption(double stock, double halfStock) => stock <= 0 ? 0 : stock / (stock + halfStock);

    /// <summary>(A2) g_a = log10(2)/τ_alg: log10 efficiency gained per month at the reference stock.</summary>
    public static double AlgorithmicRate(double halvingMonths) => Math.Log10(2) / halvingMonths;

    /// <summary>(A2) a(t+1) = a + g_a·(Z/Z_ref)^ρ + ψ·γ·max(0, â(t − L_pub) − a) + J.</summary>
    public static double Algorithmic(double a, double rate, double stock, double referenceStock, double returns,
        double diffusion, double absorption, double bestPublishedLagged, double breakthrough)
    {
        double own = stock <= 0 ? (returns == 0 ? rate : 0) : rate * Math.Pow(stock / referenceStock, returns);
        double catchUp = double.IsNegativeInfinity(bestPublishedLagged) ? 0 : Math.Max(0, bestPublishedLagged - a);
        return a + own + diffusion * absorption * catchUp + breakthrough;
    }

    /// <summary>(A2) J: a Poisson number of breakthroughs this month (rare: at most a few), each of the drawn size.</summary>
    public static int BreakthroughCount(double ratePerMonth, double uniform)
    {
        if (ratePerMonth <= 0) return 0;
        double p = Math.Exp(-ratePerMonth), cdf = p;
        int k = 0;
        while (uniform > cdf && k < 16) { k++; p *= ratePerMonth / k; cdf += p; }
        return k;
    }
}
