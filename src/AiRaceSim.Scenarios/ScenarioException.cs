namespace AiRaceSim.Scenarios;

/// <summary>A scenario that cannot run: every problem found, sorted by file, line and column.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
