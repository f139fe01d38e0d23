using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>A government's action: what a rule can do, and the country half of what an event can do.</summary>
[Description("Exactly one government action.")]
[KeyChoice("action", true)]
internal class CountryActionsDocument
{
    public ExportControlAction? ExportControl { get; init; }
    public EnforcementAction? Enforcement { get; init; }
    public ApiBlockAction? ApiBlock { get; init; }
    public ApiUnblockAction? ApiUnblock { get; init; }
    public VouchersAction? Vouchers { get; init; }
    public SupportAction? Support { get; init; }
    public ChipFundAction? ChipFund { get; init; }
    public DomesticChipsAction? DomesticChips { get; init; }
    public PatentSubsidyAction? PatentSubsidy { get; init; }
    public LicensingAction? Licensing { get; init; }
    public PriceWarAction? PriceWar { get; init; }
}
