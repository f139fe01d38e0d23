using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("When a firm enters and with what capability.")]
internal sealed class EntryDocument
{
    [Description("First active month, inside start..end.")]
    public required Month Date { get; init; }

    [Description("Capability at entry: a level (log10 effective FLOP) or {frontier_at: yyyy-MM}; default: from its own initial compute.")]
    public CapabilityValue? Capability { get; init; }
}
