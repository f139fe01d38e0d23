using AiRaceSim.Model.Random;
using static AiRaceSim.Model.Parameters.ParameterUse;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The world-wide parameters, each written once: the scenario binding, the schema, the docs
/// tables, the builder, the codec and the draws all read this list. Listed in scenario key
/// order; the draw slot is explicit, since slots may never move (outputs would change).
/// </summary>
public static class ParameterCatalog
{
    private static readonly List<Parameter> Entries = []; // before the fields below: initialised in text order

    // Compute (C1, C4, C6)
    public static readonly Parameter PricePerformanceAt2023 = Member(0, "price_performance_at_2023", "q0", "H100e per M$", 22,
        In(1e-3, 1e4), "H100-equivalents bought per M$ at 2023-01", "C1");
    public static readonly Parameter HardwareDoublingMonths = Member(1, "hardware_doubling_months", "τ_hw", "months", 30,
        In(1, 600), "months for hardware price-performance to double", "C1");
    public static readonly Parameter FlopPerH100eMonth = Member(2, "flop_per_h100e_month", "F", "FLOP", 2.6e21,
        In(1e15, 1e25), "FLOP delivered by one H100e in a month", "C6");
    public static readonly Parameter ComputeDepreciationPerMonth = Member(3, "compute_depreciation_per_month", "δ_H", "/month", 1.0 / 60,
        In(0, 1), "share of installed compute lost per month", "C4");
    public static readonly Parameter Utilisation = Member(4, "utilisation", "u", "share", 0.35,
        Above(0, 1), "utilisation of frontier and smuggled chips", "C6");
    public static readonly Parameter UtilisationCompliant = Member(5, "utilisation_compliant", "u_compliant", "share", 0.2,
        Above(0, 1), "utilisation of export-compliant (H800/H20-class) chips", "C6");
    public static readonly Parameter UtilisationDomestic = Member(6, "utilisation_domestic", "u_domestic", "share", 0.2,
        Above(0, 1), "utilisation of domestic chips", "C6");
    // Chip channels (C3)
    public static readonly Parameter SmugglingPremium = Member(7, "smuggling_premium", "π_S", "share of price", 0.5,
        In(0, 100), "price premium of smuggled chips: they cost 1 + π_S", "C3");
    public static readonly Parameter SmugglingEnforcementElasticity = Member(8, "smuggling_enforcement_elasticity", "ξ", "per unit of Enf", 1.0,
        In(0, 100), "how fast enforcement chokes smuggling, λ = λ0·exp(−ξ·Enf)", "C3");
    public static readonly Parameter DomesticChipPrice = Member(9, "domestic_chip_price", "p_D", "H100 prices", 0.5,
        In(1e-3, 1000), "price of a domestic chip relative to an H100", "C3");
    // Knowledge (A1, A2)
    public static readonly Parameter ResearchDepreciationPerYear = Member(10, "research_depreciation_per_year", "δ_Z", "/year", 0.2,
        In(0, 1), "yearly depreciation of the research stock", "A1");
    public static readonly Parameter AbsorptionHalfStock = Member(11, "absorption_half_stock_musd", "Z50", "M$", 500,
        In(1e-3, 1e9), "research stock at which absorption γ is 0.5", "A1");
    public static readonly Parameter ReferenceResearchStock = Member(12, "reference_research_stock_musd", "Z_ref", "M$", 2000,
        In(1e-3, 1e9), "research stock at which a firm improves algorithms at trend speed", "A2");
    public static readonly Parameter ResearchReturns = Member(13, "research_returns", "ρ", "–", 0.1,
        In(0, 10), "returns to the research stock", "A2");
    public static readonly Parameter AlgorithmicHalvingMonths = Member(14, "algorithmic_halving_months", "τ_alg", "months", 8,
        In(1, 600), "months for algorithmic efficiency to halve the compute needed", "A2");
    public static readonly Parameter DiffusionRatePerMonth = Member(15, "diffusion_rate_per_month", "ψ", "/month", 0.08,
        In(0, 1), "share of the gap to the published frontier closed per month", "A2");
    public static readonly Parameter PublicationLagMonths = Add("publication_lag_months", "L_pub", "months", new Fixed(3),
        In(0, 600), "months before published algorithms can be absorbed; firms see the world as of the month before, so 0 acts as 1",
        "A2", WholeNumber, slot: 0);
    public static readonly Parameter BreakthroughRatePerMonth = Member(16, "breakthrough_rate_per_month", "", "/month", 0,
        In(0, 1), "Poisson rate of algorithmic breakthroughs per firm and month; 0 turns them off", "A2");
    public static readonly Parameter BreakthroughSize = Add("breakthrough_size", "", "log10", LogNormalDist.FromMedianP95(0.1, 0.3),
        In(0, 10), "size of one breakthrough, drawn for each breakthrough", "A2", PerEvent, slot: 0);
    // Capability (K2–K4)
    public static readonly Parameter FineTuneLoss = Member(17, "fine_tune_loss", "Δ_ft", "log10", 0.3,
        In(0, 10), "capability lost fine-tuning an open model", "K2");
    public static readonly Parameter YoungLabLoss = Member(18, "young_lab_loss", "Δ_γ", "log10", 1.0,
        In(0, 10), "extra loss of a lab with no absorptive capacity", "K2");
    public static readonly Parameter DistillationLoss = Member(19, "distillation_loss", "Δ_d", "log10", 0.1,
        In(0, 10), "capability lost in distillation", "K4");
    // v2, so drawn after every v1 parameter (slot 25) though listed here.
    public static readonly Parameter UpliftCap = Member(25, "distillation_uplift_cap", "U_max", "log10", 0.55,
        In(0, 10), "most that distillation and fine-tuning add to a firm's own trained model, new in v2", "K4");
    public static readonly Parameter CapabilityNoiseSd = Member(20, "capability_noise_sd", "σ_ε", "log10", 0,
        In(0, 10), "standard deviation of monthly capability noise", "K4");
    // Markets and money (C2, M3)
    public static readonly Parameter RevenueReinvestment = Member(21, "revenue_reinvestment", "ρ_rev", "share", 0.5,
        In(0, 1), "share of last month's revenue reinvested", "C2");
    public static readonly Parameter ShareSensitivity = Member(22, "share_sensitivity", "β", "per log10", 2.0,
        In(0, 100), "sensitivity of market shares to capability", "M3");
    // Patents (P1)
    public static readonly Parameter PatentElasticity = Member(23, "patent_elasticity", "β", "–", 0.6,
        In(0, 10), "elasticity of patents to research spend", "P1");
    public static readonly Parameter PatentDispersion = Member(24, "patent_dispersion", "r", "–", 20,
        In(1e-3, 1e6), "dispersion (size) of the negative-binomial patent counts", "P1");

    /// <summary>Every parameter, in scenario key order (<see cref="Parameter.Index"/>).</summary>
    public static IReadOnlyList<Parameter> All => Entries;

    /// <summary>The parameter with this scenario key, or null.</summary>
    public static Parameter? Find(string key) => Entries.Find(p => p.Key == key);

    private static ParameterRange In(double min, double max) => new(min, max);

    private static ParameterRange Above(double min, double max) => new(min, max, MinExclusive: true);

    /// <param name="position">Position in the v1 draw order: the world's slot is DrawSlot.ParameterBase + position.</param>
    private static Parameter Member(int position, string key, string symbol, string unit, double value, ParameterRange range,
        string meaning, string equation) =>
        Add(key, symbol, unit, new Fixed(value), range, meaning, equation, PerMember, DrawSlot.ParameterBase + position);

    private static Parameter Add(string key, string symbol, string unit, Distribution value, ParameterRange range,
        string meaning, string equation, ParameterUse use, int slot)
    {
        var p = new Parameter(Entries.Count, key, symbol, unit, value, range, meaning, equation, use, slot);
        Entries.Add(p);
        return p;
    }
}
