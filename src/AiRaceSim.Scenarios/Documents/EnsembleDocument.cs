using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("Ensemble size.")]
internal sealed class EnsembleDocument
{
    [Description("Number of members, 1..100000 (default 1)."), InRange(1, Limits.Members)]
    public int? Members { get; init; }

    [Description("Members stepped together in one block, 1..100000 (default: members, at most 1000; never more than members)."), InRange(1, Limits.Members)]
    public int? Block { get; init; }
}
