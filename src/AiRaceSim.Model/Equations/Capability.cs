using System.Runtime.CompilerServices;
namespace AiRaceSim.Model.Equations;

/// <summary>
/// Capability in log10 effective FLOP (K1–K5, G1). −∞ stands for "no model yet", so max() needs
/// no special cases. v2 keeps three levels apart: the firm's own trained base (K1), the open
/// floor it may deploy (K2), and its trained capability T = own + capped uplift (K4, G1).
/// </summary>
public static class Capability
{
    /// <summary>(K1) Own base = max(own, log C + a) when a run finishes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double OwnBase(double currentOwn, double runLogFlop, double algorithmic) =>
        Math.Max(currentOwn, runLogFlop + algorithmic);

    /// <summary>
    /// (K2, v2) The open floor: K_open − Δ_ft − Δ_γ·(1 − γ), or −∞ while no open model exists.
    /// A floor for what the firm deploys, not a base it distils on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double OpenFloor(double openBest, double fineTuneLoss, double youngLabLoss, double absorption) =>
        double.IsNegativeInfinity(openBest) ? double.NegativeInfinity
            : openBest - fineTuneLoss - youngLabLoss * (1 - absorption);

    /// <summary>
    /// (K3) One API model's contribution: K_floor + w·max(0, K_api − K_floor). The teacher is the
    /// best of these over the API models a firm can reach; K_floor is K_open, or the firm's own
    /// base where no open model exists yet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TeacherFrom(double floor, double apiCapability, double access) =>
        double.IsNegativeInfinity(apiCapability) || double.IsNegativeInfinity(floor) || access <= 0
            ? floor : floor + access * Math.Max(0, apiCapability - floor);

    /// <summary>
    /// (K4, v2) What distillation and fine-tuning add to the firm's own model:
    /// min(U_max, χ·γ·max(0, K_teach − Δ_d − own)); nothing without an own model or a teacher.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uplift(double own, double distillation, double absorption, double teacher,
        double distillationLoss, double cap)
    {
        if (double.IsNegativeInfinity(own) || double.IsNegativeInfinity(teacher)) return 0;
        return Math.Min(cap, distillation * absorption * Math.Max(0, teacher - distillationLoss - own));
    }

    /// <summary>(G1, v2) Trained capability T = own + uplift: what counts towards the country frontier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Trained(double own, double uplift) => own + uplift;

    /// <summary>(K4, v2) K_cand = max(floor, T) + ε; −∞ while the firm has neither.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Candidate(double floor, double trained, double noise)
    {
        double best = Math.Max(floor, trained);
        return double.IsNegativeInfinity(best) ? best : best + noise;
    }

    /// <summary>(K5) Deployed capability never falls: K(t) = max(K(t−1), candidate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Deploy(double deployed, double candidate) => Math.Max(deployed, candidate);
}
