using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("Patenting of a country's firms (P1): μ = propensity · research^β · subsidy.")]
internal sealed class PatentsDocument
{
    [Description("π: patent propensity (default 0: no patents)."), InRange(0, 1e6)]
    public Param? Propensity { get; init; }

    [Description("q: quality weight of a patent (default 1)."), InRange(0, 100)]
    public Param? Quality { get; init; }

    [Description("M: subsidy multiplier at the start (default 1)."), InRange(0, 100)]
    public Param? Subsidy { get; init; }
}
