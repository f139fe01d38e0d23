namespace AiRaceSim.Scenarios;

/// <summary>One problem in a scenario file, at a 1-based line and column of the file as the user named it.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
