using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;
using static AiRaceSim.Model.Parameters.ParameterCatalog;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The global parameters drawn for the members of one block: every per-member entry of
/// <see cref="ParameterCatalog"/> from the world's stream at its slot. The named accessors are
/// the kernel's names for them (the symbols of docs/MODEL.md).
/// </summary>
public sealed class GlobalDraws
{
    private readonly GlobalParameters _p;
    private readonly double[]?[] _drawn;

    public GlobalDraws(GlobalParameters p, MemberDraws d)
    {
        _p = p;
        _drawn = new double[All.Count][];
        foreach (var e in All)
            if (e.Use == ParameterUse.PerMember) _drawn[e.Index] = d.Draw(p[e], ActorKey.World, e.Slot, "parameters." + e.Key);
        // Read once here: the kernel reads these per member and month.
        Q0 = Of(PricePerformanceAt2023);
        TauHw = Of(HardwareDoublingMonths);
        Flop = Of(FlopPerH100eMonth);
        DeltaH = Of(ComputeDepreciationPerMonth);
        U = Of(Utilisation);
        UCompliant = Of(UtilisationCompliant);
        UDomestic = Of(UtilisationDomestic);
        SmugglePremium = Of(SmugglingPremium);
        SmuggleXi = Of(SmugglingEnforcementElasticity);
        DomesticPrice = Of(DomesticChipPrice);
        DeltaZ = Of(ResearchDepreciationPerYear);
        Z50 = Of(AbsorptionHalfStock);
        ZRef = Of(ReferenceResearchStock);
        Rho = Of(ResearchReturns);
        TauAlg = Of(AlgorithmicHalvingMonths);
        Psi = Of(DiffusionRatePerMonth);
        JRate = Of(BreakthroughRatePerMonth);
        FineTuneLoss = Of(ParameterCatalog.FineTuneLoss);
        YoungLabLoss = Of(ParameterCatalog.YoungLabLoss);
        DistillLoss = Of(DistillationLoss);
        UpliftCap = Of(ParameterCatalog.UpliftCap);
        NoiseSd = Of(CapabilityNoiseSd);
        RevReinvest = Of(RevenueReinvestment);
        ShareBeta = Of(ShareSensitivity);
        PatentBeta = Of(PatentElasticity);
        PatentDispersion = Of(ParameterCatalog.PatentDispersion);
        _q = new double[d.Count];
        AlgorithmicRate = TauAlg.Select(Knowledge.AlgorithmicRate).ToArray();
    }

    /// <summary>One value per member of a per-member parameter.</summary>
    public double[] Of(Parameter e) => _drawn[e.Index] ?? throw new ArgumentException($"{e.Key} is not drawn per member");

    public double[] Q0 { get; }
    public double[] TauHw { get; }
    public double[] Flop { get; }
    public double[] DeltaH { get; }
    public double[] U { get; }
    public double[] UCompliant { get; }
    public double[] UDomestic { get; }
    public double[] SmugglePremium { get; }
    public double[] SmuggleXi { get; }
    public double[] DomesticPrice { get; }
    public double[] DeltaZ { get; }
    public double[] Z50 { get; }
    public double[] ZRef { get; }
    public double[] Rho { get; }
    public double[] TauAlg { get; }
    public double[] Psi { get; }
    public double[] JRate { get; }
    public double[] FineTuneLoss { get; }
    public double[] YoungLabLoss { get; }
    public double[] DistillLoss { get; }
    public double[] UpliftCap { get; }
    public double[] NoiseSd { get; }
    public double[] RevReinvest { get; }
    public double[] ShareBeta { get; }
    public double[] PatentBeta { get; }
    public double[] PatentDispersion { get; }

    /// <summary>Drawn by the kernel at each breakthrough, not per member.</summary>
    public Distribution BreakthroughSize => _p[ParameterCatalog.BreakthroughSize];

    public int PublicationLag => _p.PublicationLagMonths;

    /// <summary>g_a of A2 per member, from τ_alg (computed once, not every firm-month).</summary>
    public double[] AlgorithmicRate { get; }

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
