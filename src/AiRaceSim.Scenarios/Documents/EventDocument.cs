using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("A dated event carrying exactly one action."), Entity("event")]
[KeyChoice("action", true)]
internal sealed class EventDocument : CountryActionsDocument
{
    [Description("Month of the event, inside start..end.")] public required Month Date { get; init; }
    [Description("Stable name: keeps its random stream when other events change; extends replaces or removes by it.")] public string? Id { get; init; }
    [Description("Free text.")] public string? Note { get; init; }
    [Description("true removes the event (and, under extends, the earlier one with this id).")] public bool? Disabled { get; init; }
    public OpenWeightsAction? OpenWeights { get; init; }
    public FundingScaleAction? FundingScale { get; init; }
    public ExitAction? Exit { get; init; }
}
