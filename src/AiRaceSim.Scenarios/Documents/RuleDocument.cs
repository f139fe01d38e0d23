using AiRaceSim.Model.Time;
using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("A threshold rule: when a gap stays below or above a threshold, a government acts."), Entity("rule")]
internal sealed class RuleDocument
{
    [Description("Stable name: keeps its random stream; extends replaces or removes by it.")] public string? Id { get; init; }
    [Description("true removes the rule (and, under extends, the earlier one with this id).")] public bool? Disabled { get; init; }
    [Description("The country whose government acts.")] public required string Government { get; init; }
    [Description("The condition, read on last month's values.")] public required ConditionDocument When { get; init; }
    [Description("The government action taken when the rule fires.")] public required CountryActionsDocument Then { get; init; }
    [Description("Chance per month of acting once the condition has held long enough, 0..1 (default 1)."), InRange(0, 1)] public double? ProbabilityPerMonth { get; init; }
    [Description("true: fire at most once (default false).")] public bool? Once { get; init; }
    [Description("Months after firing before it can fire again (default 0)."), InRange(0, 1200)] public int? CooldownMonths { get; init; }
    [Description("First month the rule is active, inside start..end (default: start); before it the rule neither counts nor fires. A historical baseline starts its rules at now.")] public Month? From { get; init; }
    [Description("Last month the rule is active, inside start..end, at or after from (default: end).")] public Month? To { get; init; }
}
