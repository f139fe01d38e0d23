namespace AiRaceSim.Model.Equations;

/// <summary>
/// Capability in log10 effective FLOP (K1–K5). −∞ stands for "no model yet", so max() needs
/// no special cases.
/// </summary>
public static class Capability
{
    /// <summary>(K1) base = max(base, log C + a) when a run finishes.</summary>
    public static double OwnBase(double currentBase, double runLogFlop, double algorithmic) =>
        Math.Max(currentBase, runLogFlop + algorithmic);

    /// <summary>(K2) base = max(base, K_open − Δ_ft − Δ_γ·(1 − γ)).</summary>
    public static double OpenBase(double currentBase, double openBest, double fineTuneLoss, double youngLabLoss, double absorption) =>
        double.IsNegativeInfinity(openBest) ? currentBase
            : Math.Max(currentBase, openBest - fineTuneLoss - youngLabLoss * (1 - absorption));

    /// <summary>
    /// (K3) One API model's contribution: K_floor + w·max(0, K_api − K_floor). The teacher is the
    /// best of these over the API models a firm can reach; K_floor is K_open, or the firm's own
    /// base where no open model exists yet.
    /// </summary>
    public static double TeacherFrom(double floor, double apiCapability, double access) =>
        double.IsNegativeInfinity(apiCapability) || double.IsNegativeInfinity(floor) || access <= 0
            ? floor : floor + access * Math.Max(0, apiCapability - floor);

    /// <summary>(K4) K_cand = base + χ·γ·max(0, K_teach − Δ_d − base) + ε.</summary>
    public static double Candidate(double currentBase, double distillation, double absorption, double teacher,
        double distillationLoss, double noise)
    {
        if (double.IsNegativeInfinity(currentBase)) return currentBase;
        double gain = double.IsNegativeInfinity(teacher) ? 0 : Math.Max(0, teacher - distillationLoss - currentBase);
        return currentBase + distillation * absorption * gain + noise;
    }

    /// <summary>(K5) Deployed capability never falls: K(t) = max(K(t−1), candidate).</summary>
    public static double Deploy(double deployed, double candidate) => Math.Max(deployed, candidate);
}
