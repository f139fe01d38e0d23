using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>The gap a rule reads.</summary>
internal enum GapMetric { CapabilityGapMonths, ComputeGapMonths, PerceivedGapMonths }

[Description("metric of 'of' behind 'behind' below (or above) a threshold for some months.")]
[KeyChoice("threshold", true, nameof(Below), nameof(Above))]
internal sealed class ConditionDocument
{
    [Description("The gap read: measured capability or compute gap, or the government's perceived gap.")] public required GapMetric Metric { get; init; }
    [Description("The follower country.")] public required string Of { get; init; }
    [Description("The leader country.")] public required string Behind { get; init; }
    [Description("Holds while the gap is below this many months (a number or a dated path).")] public ThresholdValue? Below { get; init; }
    [Description("Holds while the gap is above this many months (a number or a dated path).")] public ThresholdValue? Above { get; init; }
    [Description("Months in a row the condition must hold, ≥ 1 (default 1)."), InRange(1, 600)] public int? ForMonths { get; init; }
}
