namespace AiRaceSim.Scenarios;

/// <summary>Values from the command line that replace the file's <c>ensemble</c> and <c>seed</c>.</summary>
public sealed record ScenarioOverrides(int? Members = null, int? BlockSize = null, ulong? Seed = null);
