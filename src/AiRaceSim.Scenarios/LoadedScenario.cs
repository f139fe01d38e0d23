using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Scenarios;

/// <summary>
/// A scenario ready to run: the kernel's <see cref="WorldSpec"/> (already validated), the ensemble
/// size, the series to keep (null: all), the "now" month, every file read and the merged document
/// as JSON for the run manifest.
/// </summary>
public sealed record LoadedScenario(
    string Name, string? Description, WorldSpec Spec, int Members, int BlockSize,
    IReadOnlyList<string>? Metrics, IReadOnlyList<string>? Entities, Month Now,
    IReadOnlyList<ScenarioFile> Files, string ResolvedJson);
