using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("How a government perceives a gap (G3): Ĝ ← Ĝ + κ(S + bias + noise − Ĝ).")]
internal sealed class PerceptionDocument
{
    [Description("The follower country of the perceived gap.")]
    public required string Of { get; init; }

    [Description("The leader country of the perceived gap.")]
    public required string Behind { get; init; }

    [Description("κ: share of the news taken in per month, 0..1 (default 1)."), InRange(0, 1)]
    public Param? Kappa { get; init; }

    [Description("Systematic error in months (default 0).")]
    public Param? Bias { get; init; }

    [Description("Standard deviation of monthly noise in months (default 0)."), InRange(0, 1200)]
    public Param? NoiseSd { get; init; }
}
