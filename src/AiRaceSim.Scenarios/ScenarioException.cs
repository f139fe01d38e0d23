namespace AiRaceSim.Scenarios;

/// <summary>
/// A scenario that cannot run: the problems found, sorted by file, line and column; at most
/// <see cref="Limits.ErrorsShown"/> of them, with a count of the rest.
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors) : this(errors.Take(Limits.ErrorsShown).ToList(), errors.Count)
    {
    }

    private ScenarioException(List<ScenarioError> shown, int found) : base(string.Join(Environment.NewLine, Describe(shown, found)))
    {
        Errors = shown;
        Omitted = found - shown.Count;
        Lines = Describe(shown, found);
    }

    /// <summary>The errors shown.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>How many more were found than are shown.</summary>
    public int Omitted { get; }

    /// <summary>What to print: each error shown, then how many more there are.</summary>
    public IReadOnlyList<string> Lines { get; }

    private static List<string> Describe(List<ScenarioError> shown, int found)
    {
        var lines = shown.Select(e => e.ToString()).ToList();
        int more = found - shown.Count;
        if (more > 0) lines.Add($"{shown[^1].File}: and {more} more error{(more == 1 ? "" : "s")} not shown; fix these first");
        return lines;
    }
}
