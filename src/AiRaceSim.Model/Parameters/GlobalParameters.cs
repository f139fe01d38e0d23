using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The world-wide parameters of MODEL.md, each a value or a distribution over members.
/// Defaults are the reference values of MODEL.md; docs/MODEL.md gives each one's source.
/// </summary>
public sealed record GlobalParameters
{
    // Compute (C1, C4, C6)
    public Distribution PricePerformanceAt2023 { get; init; } = new Fixed(22);          // q0, H100e per M$
    public Distribution HardwareDoublingMonths { get; init; } = new Fixed(30);          // τ_hw
    public Distribution FlopPerH100eMonth { get; init; } = new Fixed(2.6e21);           // F
    public Distribution ComputeDepreciationPerMonth { get; init; } = new Fixed(1.0 / 60); // δ_H
    public Distribution Utilisation { get; init; } = new Fixed(0.35);                   // u, frontier-class chips
    public Distribution UtilisationCompliant { get; init; } = new Fixed(0.2);           // u on H800/H20-class chips
    public Distribution UtilisationDomestic { get; init; } = new Fixed(0.2);            // u on domestic chips
    // Chip channels (C3)
    public Distribution SmugglingPremium { get; init; } = new Fixed(0.5);               // π_S: price = 1 + π_S
    public Distribution SmugglingEnforcementElasticity { get; init; } = new Fixed(1.0); // ξ
    public Distribution DomesticChipPrice { get; init; } = new Fixed(0.5);              // price of a domestic chip / H100
    // Knowledge (A1, A2)
    public Distribution ResearchDepreciationPerYear { get; init; } = new Fixed(0.2);    // δ_Z
    public Distribution AbsorptionHalfStock { get; init; } = new Fixed(500);            // Z50, M$
    public Distribution ReferenceResearchStock { get; init; } = new Fixed(2000);        // Z_ref, M$
    public Distribution ResearchReturns { get; init; } = new Fixed(0.1);                // ρ
    public Distribution AlgorithmicHalvingMonths { get; init; } = new Fixed(8);         // τ_alg
    public Distribution DiffusionRatePerMonth { get; init; } = new Fixed(0.08);         // ψ
    public int PublicationLagMonths { get; init; } = 3;                                 // L_pub
    public Distribution BreakthroughRatePerMonth { get; init; } = new Fixed(0.0);       // Poisson rate of J
    public Distribution BreakthroughSize { get; init; } = LogNormalDist.FromMedianP95(0.1, 0.3); // log10 units
    // Capability (K2–K4)
    public Distribution FineTuneLoss { get; init; } = new Fixed(0.3);                   // Δ_ft, log10
    public Distribution YoungLabLoss { get; init; } = new Fixed(1.0);                   // Δ_γ, log10
    public Distribution DistillationLoss { get; init; } = new Fixed(0.1);               // Δ_d, log10
    public Distribution UpliftCap { get; init; } = new Fixed(0.55);                     // U_max (v2), log10
    public Distribution CapabilityNoiseSd { get; init; } = new Fixed(0.0);              // sd of ε, log10
    // Markets and money (C2, M3)
    public Distribution RevenueReinvestment { get; init; } = new Fixed(0.5);            // ρ_rev
    public Distribution ShareSensitivity { get; init; } = new Fixed(2.0);               // β in M3, per log10
    // Patents (P1)
    public Distribution PatentElasticity { get; init; } = new Fixed(0.6);               // β in P1
    public Distribution PatentDispersion { get; init; } = new Fixed(20);                // r of the negative binomial
}

/// <summary>The global parameters drawn for the members of one block.</summary>
public sealed class GlobalDraws
{
    public readonly double[] Q0, TauHw, Flop, DeltaH, U, UCompliant, UDomestic;
    public readonly double[] SmugglePremium, SmuggleXi, DomesticPrice;
    public readonly double[] DeltaZ, Z50, ZRef, Rho, TauAlg, Psi, JRate;
    public readonly double[] FineTuneLoss, YoungLabLoss, DistillLoss, UpliftCap, NoiseSd;
    public readonly double[] RevReinvest, ShareBeta, PatentBeta, PatentDispersion;
    public readonly Distribution BreakthroughSize;
    /// <summary>g_a of A2 per member, from τ_alg (computed once, not every firm-month).</summary>
    public readonly double[] AlgorithmicRate;
    public readonly int PublicationLag;

    public GlobalDraws(GlobalParameters p, MemberDraws d)
    {
        int slot = DrawSlot.ParameterBase;
        double[] D(Distribution x) => d.Draw(x, ActorKey.World, slot++);
        Q0 = D(p.PricePerformanceAt2023); TauHw = D(p.HardwareDoublingMonths); Flop = D(p.FlopPerH100eMonth);
        DeltaH = D(p.ComputeDepreciationPerMonth); U = D(p.Utilisation); UCompliant = D(p.UtilisationCompliant);
        UDomestic = D(p.UtilisationDomestic); SmugglePremium = D(p.SmugglingPremium);
        SmuggleXi = D(p.SmugglingEnforcementElasticity); DomesticPrice = D(p.DomesticChipPrice);
        DeltaZ = D(p.ResearchDepreciationPerYear); Z50 = D(p.AbsorptionHalfStock); ZRef = D(p.ReferenceResearchStock);
        Rho = D(p.ResearchReturns); TauAlg = D(p.AlgorithmicHalvingMonths); Psi = D(p.DiffusionRatePerMonth);
        JRate = D(p.BreakthroughRatePerMonth); FineTuneLoss = D(p.FineTuneLoss); YoungLabLoss = D(p.YoungLabLoss);
        DistillLoss = D(p.DistillationLoss); NoiseSd = D(p.CapabilityNoiseSd); RevReinvest = D(p.RevenueReinvestment);
        ShareBeta = D(p.ShareSensitivity); PatentBeta = D(p.PatentElasticity); PatentDispersion = D(p.PatentDispersion);
        UpliftCap = D(p.UpliftCap); // v2: drawn last, so the slots of the v1 parameters stay
        BreakthroughSize = p.BreakthroughSize;
        PublicationLag = p.PublicationLagMonths;
        _q = new double[d.Count];
        AlgorithmicRate = TauAlg.Select(Knowledge.AlgorithmicRate).ToArray();
    }

    private readonly double[] _q;
    private Month? _qMonth;
    private readonly Lock _qLock = new();

    /// <summary>
    /// (C1) q(t) for every member, computed once a month however many firms ask. Firms of a world
    /// step in parallel on one shared copy, all for the same month, so a lock guards the refill.
    /// </summary>
    public double[] PricePerformanceAt(Month t)
    {
        lock (_qLock)
        {
            if (_qMonth == t) return _q;
            for (int m = 0; m < _q.Length; m++) _q[m] = Compute.PricePerformance(Q0[m], TauHw[m], t);
            _qMonth = t;
            return _q;
        }
    }
}
