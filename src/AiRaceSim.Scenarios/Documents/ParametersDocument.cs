using System.ComponentModel;
using System.Text.Json.Serialization;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>World-wide parameters (kernel: <c>GlobalParameters</c>); defaults and sources in docs/MODEL.md.</summary>
[Description("World-wide model parameters (docs/MODEL.md gives each one's equation, default and source).")]
internal sealed class ParametersDocument
{
    private const double Inf = double.PositiveInfinity;

    [JsonPropertyName("price_performance_at_2023"), Description("q0: H100-equivalents per M$ at 2023-01 (C1)."), InRange(1e-3, 1e4)]
    public Param? PricePerformanceAt2023 { get; init; }

    [Description("τ_hw: months for hardware price-performance to double (C1)."), InRange(1, 600)]
    public Param? HardwareDoublingMonths { get; init; }

    [Description("F: FLOP delivered by one H100e in a month (C6)."), InRange(1e15, 1e25)]
    public Param? FlopPerH100eMonth { get; init; }

    [Description("δ_H: share of installed compute lost per month (C4)."), InRange(0, 1)]
    public Param? ComputeDepreciationPerMonth { get; init; }

    [Description("u: utilisation of frontier and smuggled chips (C6)."), InRange(0, 1, MinExclusive = true)]
    public Param? Utilisation { get; init; }

    [Description("u on export-compliant (H800/H20-class) chips."), InRange(0, 1, MinExclusive = true)]
    public Param? UtilisationCompliant { get; init; }

    [Description("u on domestic chips."), InRange(0, 1, MinExclusive = true)]
    public Param? UtilisationDomestic { get; init; }

    [Description("π_S: price premium of smuggled chips (price 1 + π_S) (C3)."), InRange(0, 100)]
    public Param? SmugglingPremium { get; init; }

    [Description("ξ: how fast enforcement chokes smuggling, λ = λ0·exp(−ξ·Enf) (C3)."), InRange(0, 100)]
    public Param? SmugglingEnforcementElasticity { get; init; }

    [Description("Price of a domestic chip relative to an H100 (C3)."), InRange(1e-3, 1000)]
    public Param? DomesticChipPrice { get; init; }

    [Description("δ_Z: yearly depreciation of the research stock (A1)."), InRange(0, 1)]
    public Param? ResearchDepreciationPerYear { get; init; }

    [Description("Z50: research stock (M$) at which absorption γ is 0.5 (A1)."), InRange(1e-3, 1e9)]
    public Param? AbsorptionHalfStockMusd { get; init; }

    [Description("Z_ref: research stock (M$) at which a firm improves algorithms at trend speed (A2)."), InRange(1e-3, 1e9)]
    public Param? ReferenceResearchStockMusd { get; init; }

    [Description("ρ: returns to the research stock (A2)."), InRange(0, 10)]
    public Param? ResearchReturns { get; init; }

    [Description("τ_alg: months for algorithmic efficiency to halve the compute needed (A2)."), InRange(1, 600)]
    public Param? AlgorithmicHalvingMonths { get; init; }

    [Description("ψ: share of the gap to the published frontier closed per month (A2)."), InRange(0, 1)]
    public Param? DiffusionRatePerMonth { get; init; }

    [Description("L_pub: months before published algorithms can be absorbed; a whole number (A2)."), InRange(0, 600)]
    public int? PublicationLagMonths { get; init; }

    [Description("Poisson rate of algorithmic breakthroughs per firm and month (A2)."), InRange(0, 1)]
    public Param? BreakthroughRatePerMonth { get; init; }

    [Description("Size of one breakthrough, log10 (A2)."), InRange(0, 10)]
    public Param? BreakthroughSize { get; init; }

    [Description("Δ_ft: capability lost fine-tuning an open model, log10 (K2)."), InRange(0, 10)]
    public Param? FineTuneLoss { get; init; }

    [Description("Δ_γ: extra loss of a lab with no absorptive capacity, log10 (K2)."), InRange(0, 10)]
    public Param? YoungLabLoss { get; init; }

    [Description("Δ_d: capability lost in distillation, log10 (K4)."), InRange(0, 10)]
    public Param? DistillationLoss { get; init; }

    [Description("U_max: most that distillation and fine-tuning add to a firm's own trained model, log10 (K4, v2)."), InRange(0, 10)]
    public Param? DistillationUpliftCap { get; init; }

    [Description("σ_ε: standard deviation of monthly capability noise, log10 (K4)."), InRange(0, 10)]
    public Param? CapabilityNoiseSd { get; init; }

    [Description("ρ_rev: share of last month's revenue reinvested (C2)."), InRange(0, 1)]
    public Param? RevenueReinvestment { get; init; }

    [Description("β: sensitivity of market shares to capability, per log10 (M3)."), InRange(0, 100)]
    public Param? ShareSensitivity { get; init; }

    [Description("β: elasticity of patents to research spend (P1)."), InRange(0, 10)]
    public Param? PatentElasticity { get; init; }

    [Description("r: dispersion (size) of the negative-binomial patent counts (P1)."), InRange(1e-3, 1e6)]
    public Param? PatentDispersion { get; init; }
}
