using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("An AiRaceSim scenario: countries, firms, dated events and threshold rules, stepped month by month from start to end (docs/SCENARIOS.md).")]
internal sealed class ScenarioDocument
{
    [Description("Short name used in outputs: letters, digits, '-', '_' and '.', starting with a letter or digit.")]
    public required string Name { get; init; }

    [Description("What the scenario is about, free text.")]
    public string? Description { get; init; }

    [Description("First simulated month, yyyy-MM.")]
    public required Month? Start { get; init; }

    [Description("Last simulated month, yyyy-MM, at or after start.")]
    public required Month? End { get; init; }

    [Description("The month summaries report as 'now', inside start..end (default: end).")]
    public Month? Now { get; init; }

    [Description("Seed of the counter-based random numbers, a whole number ≥ 0 (default 1)."), InRange(0, double.PositiveInfinity)]
    public ulong? Seed { get; init; }

    [Description("true: every distribution at its central value and every shock at its median (default false).")]
    public bool? Deterministic { get; init; }

    [Description("A scenario file this one builds on, relative to this file's folder; this file is merged over it.")]
    public string? Extends { get; init; }

    [Description("World-wide model parameters; each is a number or a distribution.")]
    public ParametersDocument? Parameters { get; init; }

    [Description("The countries by id (letters, digits, '_'); the first listed leads the default gaps.")]
    public required OrderedDictionary<string, CountryDocument> Countries { get; init; }

    [Description("The firms (labs, ecosystems); entries merge by id under extends.")]
    public List<FirmDocument>? Firms { get; init; }

    [Description("Dated policy and firm events; entries with an id replace (or, with disabled: true, remove) the same id under extends.")]
    public List<EventDocument>? Events { get; init; }

    [Description("Threshold rules: a government acts when a gap stays below or above a threshold.")]
    public List<RuleDocument>? Rules { get; init; }

    [Description("Export-control tiers, tier 0 (no control) first; default: none, a800-h800, h20, h20-licence.")]
    public List<ExportTierDocument>? ExportTiers { get; init; }

    [Description("Gaps to measure; default: every other country behind the first one listed.")]
    public List<GapDocument>? Gaps { get; init; }

    [Description("How many ensemble members to run, and in blocks of how many.")]
    public EnsembleDocument? Ensemble { get; init; }

    [Description("Which series to write.")]
    public OutputsDocument? Outputs { get; init; }

    [Description("Per-member results written to outcomes.csv; default: for each measured gap, its value at the end, the first month the follower leads, and its largest value from 'now' on.")]
    public List<OutcomeDocument>? Outcomes { get; init; }
}
