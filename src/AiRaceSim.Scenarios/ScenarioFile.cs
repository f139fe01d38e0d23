namespace AiRaceSim.Scenarios;

/// <summary>A file read for a scenario (as shown in errors) and the SHA-256 of its bytes, lower-case hex.</summary>
public sealed record ScenarioFile(string Path, string Sha256);
