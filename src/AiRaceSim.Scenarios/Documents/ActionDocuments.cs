using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

// The action vocabulary of events and rules: one map per action (kernel: Policy/CountryActions.cs, FirmActions.cs).

[Description("Export-control tier imposed on a target country (C3).")]
internal sealed class ExportControlAction
{
    [Description("Supplying country; required in events, a rule's government by default.")] public string? By { get; init; }
    [Description("Controlled country.")] public required string Target { get; init; }
    [Description("Tier index (0 = no control), or a change such as \"+1\" or -1 (clamped to the tier table).")] public required TierValue Tier { get; init; }
}

[Description("Enforcement against smuggling into a target (λ = λ0·exp(−ξ·Enf)).")]
internal sealed class EnforcementAction
{
    [Description("Country whose smuggling is fought.")] public required string Target { get; init; }
    [Description("Enforcement level (≥ 0), or the change when relative.")] public required Param Level { get; init; }
    [Description("true: add to the current level (default false).")] public bool? Relative { get; init; }
}

[Description("A firm's API closed to markets: access and appeal there keep the leakage share.")]
internal sealed class ApiBlockAction
{
    [Description("The firm whose API is blocked.")] public required string Firm { get; init; }
    [Description("Countries where it is blocked.")] public required List<string> Markets { get; init; }
    [Description("ℓ_API: share of former access that still gets through, 0..1."), InRange(0, 1)] public required Param Leakage { get; init; }
}

[Description("A block lifted: access and appeal return to the scenario's values.")]
internal sealed class ApiUnblockAction
{
    [Description("The firm whose API is unblocked.")] public required string Firm { get; init; }
    [Description("Countries where it is unblocked.")] public required List<string> Markets { get; init; }
}

[Description("Compute vouchers θ: chip prices for the country's firms fall by the rate.")]
internal sealed class VouchersAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("θ, 0..0.95."), InRange(0, 0.95)] public required Param Rate { get; init; }
}

[Description("Government support to the country's firms: a new level, or a scale of the current one.")]
[KeyChoice("support amount", true, nameof(MusdPerMonth), nameof(Scale))]
internal sealed class SupportAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("New support, M$/month."), InRange(0, 1e6)] public Param? MusdPerMonth { get; init; }
    [Description("Factor on the current support."), InRange(0, 100)] public Param? Scale { get; init; }
}

[Description("A chip fund feeding domestic output growth (C5).")]
internal sealed class ChipFundAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("Fund_chip, M$/month."), InRange(0, 1e6)] public required Param MusdPerMonth { get; init; }
}

[Description("A domestic-chip program or breakthrough: raises the efficiency ceiling and/or scales output.")]
[KeyChoice("change", false, nameof(EfficiencyCeiling), nameof(OutputScale))]
internal sealed class DomesticChipsAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("New efficiency ceiling, H100e per chip (never lowers it)."), InRange(0, 100)] public Param? EfficiencyCeiling { get; init; }
    [Description("Factor on current output."), InRange(0, 100)] public Param? OutputScale { get; init; }
}

[Description("Patent subsidy multiplier M of P1.")]
internal sealed class PatentSubsidyAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("New multiplier."), InRange(0, 100)] public required Param Multiplier { get; init; }
}

[Description("Licensing of generative models at home (K5) and exclusion of foreign models from the market (M3).")]
internal sealed class LicensingAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("true switches licensing on, false off (default true).")] public bool? Active { get; init; }
    [Description("h: chance per month of an approval round before the longest wait (default 0)."), InRange(0, 1)] public double? HazardPerMonth { get; init; }
    [Description("L_lic: longest wait for an approval round, months; required when active."), InRange(1, 600)] public int? MaxMonths { get; init; }
}

[Description("A price war: spending per adopter multiplied by the factor (lasting).")]
internal sealed class PriceWarAction
{
    [Description("Country.")] public required string Country { get; init; }
    [Description("Factor on spending per adopter."), InRange(0, 100)] public required Param SpendScale { get; init; }
}

[Description("A firm starts (or stops) publishing its weights.")]
internal sealed class OpenWeightsAction
{
    [Description("Firm.")] public required string Firm { get; init; }
    [Description("true: open weights from now on (default true).")] public bool? Value { get; init; }
}

[Description("Funding multiplied by a factor from this month on.")]
internal sealed class FundingScaleAction
{
    [Description("Firm.")] public required string Firm { get; init; }
    [Description("Factor."), InRange(0, 100)] public required Param Factor { get; init; }
}

[Description("The firm leaves; its history stays in the frontiers.")]
internal sealed class ExitAction
{
    [Description("Firm.")] public required string Firm { get; init; }
}
