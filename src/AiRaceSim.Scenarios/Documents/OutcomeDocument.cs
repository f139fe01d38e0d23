using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("A per-member result written to outcomes.csv: one series reduced to one value by exactly one of at, first_below, first_above, max_from, min_from."), Entity("outcome", NameKey = "name")]
internal sealed class OutcomeDocument
{
    [Description("Column name in outcomes.csv: letters, digits and '_', starting with a letter.")] public required string Name { get; init; }
    [Description("The entity of the series: world, a country id, a measured gap such as CN-US, a firm id, or firm@COUNTRY.")] public required string Entity { get; init; }
    [Description("The metric of the series (docs/SCENARIOS.md, Metrics).")] public required string Metric { get; init; }
    [Description("The value in this month, yyyy-MM.")] public Month? At { get; init; }
    [Description("The first month the value is below this number (written yyyy-MM, or never).")] public double? FirstBelow { get; init; }
    [Description("The first month the value is above this number (written yyyy-MM, or never).")] public double? FirstAbove { get; init; }
    [Description("The largest value from this month on, yyyy-MM.")] public Month? MaxFrom { get; init; }
    [Description("The smallest value from this month on, yyyy-MM.")] public Month? MinFrom { get; init; }
}
