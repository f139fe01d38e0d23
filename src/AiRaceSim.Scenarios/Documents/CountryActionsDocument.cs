using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>A government's action: what a rule can do, and the country half of what an event can do.</summary>
[Description("Exactly one government action.")]
[KeyChoice("action", true, nameof(ExportControl), nameof(Enforcement), nameof(ApiBlock), nameof(ApiUnblock), nameof(Vouchers),
    nameof(Support), nameof(ChipFund), nameof(DomesticChips), nameof(PatentSubsidy), nameof(Licensing), nameof(PriceWar))]
internal class CountryActionsDocument
{
    [Description("Set or change the export-control tier of a target.")] public ExportControlAction? ExportControl { get; init; }
    [Description("Set or raise enforcement against smuggling.")] public EnforcementAction? Enforcement { get; init; }
    [Description("Block a firm's API in markets (one action per market).")] public ApiBlockAction? ApiBlock { get; init; }
    [Description("Lift an API block.")] public ApiUnblockAction? ApiUnblock { get; init; }
    [Description("Compute vouchers.")] public VouchersAction? Vouchers { get; init; }
    [Description("Government support to firms.")] public SupportAction? Support { get; init; }
    [Description("Chip fund.")] public ChipFundAction? ChipFund { get; init; }
    [Description("Domestic chip program.")] public DomesticChipsAction? DomesticChips { get; init; }
    [Description("Patent subsidy.")] public PatentSubsidyAction? PatentSubsidy { get; init; }
    [Description("Model licensing on or off.")] public LicensingAction? Licensing { get; init; }
    [Description("Price war.")] public PriceWarAction? PriceWar { get; init; }
}
