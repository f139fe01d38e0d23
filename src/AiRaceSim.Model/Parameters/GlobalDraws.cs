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
        _q = new double[d.Count];
        AlgorithmicRate = TauAlg.Select(Knowledge.AlgorithmicRate).ToArray();
    }

    /// <summary>One value per member of a per-member parameter.</summary>
    public double[] Of(Parameter e) => _drawn[e.Index] ?? throw new ArgumentException($"{e.Key} is not drawn per member");

    public double[] Q0 => Of(PricePerformanceAt2023);
    public double[] TauHw => Of(HardwareDoublingMonths);
    public double[] Flop => Of(FlopPerH100eMonth);
    public double[] DeltaH => Of(ComputeDepreciationPerMonth);
    public double[] U => Of(Utilisation);
    public double[] UCompliant => Of(UtilisationCompliant);
    public double[] UDomestic => Of(UtilisationDomestic);
    public double[] SmugglePremium => Of(SmugglingPremium);
    public double[] SmuggleXi => Of(SmugglingEnforcementElasticity);
    public double[] DomesticPrice => Of(DomesticChipPrice);
    public double[] DeltaZ => Of(ResearchDepreciationPerYear);
    public double[] Z50 => Of(AbsorptionHalfStock);
    public double[] ZRef => Of(ReferenceResearchStock);
    public double[] Rho => Of(ResearchReturns);
    public double[] TauAlg => Of(AlgorithmicHalvingMonths);
    public double[] Psi => Of(DiffusionRatePerMonth);
    public double[] JRate => Of(BreakthroughRatePerMonth);
    public double[] FineTuneLoss => Of(ParameterCatalog.FineTuneLoss);
    public double[] YoungLabLoss => Of(ParameterCatalog.YoungLabLoss);
    public double[] DistillLoss => Of(DistillationLoss);
    public double[] UpliftCap => Of(ParameterCatalog.UpliftCap);
    public double[] NoiseSd => Of(CapabilityNoiseSd);
    public double[] RevReinvest => Of(RevenueReinvestment);
    public double[] ShareBeta => Of(ShareSensitivity);
    public double[] PatentBeta => Of(PatentElasticity);
    public double[] PatentDispersion => Of(ParameterCatalog.PatentDispersion);

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
