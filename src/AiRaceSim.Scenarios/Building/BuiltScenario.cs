using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios.Building;

/// <summary>What the builders make of a valid document, before the loader adds files and JSON.</summary>
internal sealed record BuiltScenario(
    WorldSpec Spec, int Members, int BlockSize, IReadOnlyList<string>? Metrics, IReadOnlyList<string>? Entities,
    IReadOnlyList<string>? PerMember, IReadOnlyList<AiRaceSim.Model.Series.Outcome> Outcomes, Month Now);
