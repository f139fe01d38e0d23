using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("An export-control tier: what the compliant chip channel delivers."), Entity("export tier", NameKey = "name")]
internal sealed class ExportTierDocument
{
    [Description("Tier name.")] public required string Name { get; init; }

    [Description("H100-equivalents per compliant chip (default 0: channel closed)."), InRange(0, 100)]
    public Values.Param? CompliantEfficiency { get; init; }

    [Description("Price of a compliant chip relative to an H100 (default 1)."), InRange(1e-3, 1000)]
    public Values.Param? CompliantPrice { get; init; }
}
