using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios;

/// <summary>
/// A scenario ready to run: the kernel's <see cref="WorldSpec"/> (already validated), the ensemble
/// size, the series to keep (null: all), the metrics written member by member (null: the default,
/// <see cref="PerMemberDefault"/>), the "now" month, every file read and the merged document as
/// JSON for the run manifest.
/// </summary>
public sealed record LoadedScenario(
    string Name, string? Description, WorldSpec Spec, int Members, int BlockSize,
    IReadOnlyList<string>? Metrics, IReadOnlyList<string>? Entities, Month Now,
    IReadOnlyList<ScenarioFile> Files, string ResolvedJson)
{
    /// <summary>Above this many members a run writes no per-member series unless outputs.per_member asks.</summary>
    public const int PerMemberDefault = 100;

    /// <summary>The per-member results of outcomes.csv (the scenario's outcomes, or the default set).</summary>
    public IReadOnlyList<AiRaceSim.Model.Series.Outcome> Outcomes { get; init; } = [];

    /// <summary>outputs.per_member as given: null when left to the default, empty for none.</summary>
    public IReadOnlyList<string>? PerMember { get; init; }

    /// <summary>Whether the metric is written member by member: as outputs.per_member says, else all of them up to <see cref="PerMemberDefault"/> members.</summary>
    public bool WritesPerMember(string metric) => PerMember?.Contains(metric) ?? Members <= PerMemberDefault;
}
