namespace AiRaceSim.Model.Equations;

/// <summary>Adoption, spending, shares and revenue (M1–M4).</summary>
public static class Markets
{
    /// <summary>(M1) Bass: N(t+1) = N + (p + q·N/M)·(M − N).</summary>
    public static double Adoption(double adopted, double innovation, double imitation, double potential) =>
        potential <= 0 ? adopted : adopted + (innovation + imitation * adopted / potential) * (potential - adopted);

    /// <summary>(M2) Spend = N·w.</summary>
    public static double Spend(double adopted, double spendPerAdopter) => adopted * spendPerAdopter;

    /// <summary>
    /// (M3) The logit weight A·exp(β·K) of one firm in one market, taken relative to a common
    /// level K_ref (the world frontier) so that exp never overflows; shares are these weights
    /// over their sum, and the common factor cancels.
    /// </summary>
    public static double ShareWeight(double appeal, double sensitivity, double capability, double referenceCapability) =>
        appeal <= 0 || double.IsNegativeInfinity(capability) ? 0 : appeal * Math.Exp(sensitivity * (capability - referenceCapability));

    /// <summary>(M3) s = weight / Σ weights (0 when no firm sells in the market).</summary>
    public static double Share(double weight, double totalWeight) => totalWeight > 0 ? weight / totalWeight : 0;

    /// <summary>(M4) Rev_i = Σ_c s_ic·Spend_c — one market's term.</summary>
    public static double RevenueTerm(double share, double spend) => share * spend;
}
