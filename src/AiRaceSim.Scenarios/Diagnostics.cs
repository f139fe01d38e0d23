using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios;

/// <summary>Collects every error of one load, so the user sees all of them at once.</summary>
internal sealed class Diagnostics
{
    private readonly List<ScenarioError> _errors = [];

    public int Count => _errors.Count;

    /// <summary>As many errors as are shown: later messages need no costly hints (they are only counted).</summary>
    public bool Full => _errors.Count >= Limits.ErrorsShown;

    public void At(YNode node, string message) => Add(node.File, node.Line, node.Column, message);

    public void Add(string file, int line, int column, string message) =>
        _errors.Add(new ScenarioError(file, Math.Max(1, line), Math.Max(1, column), Excerpt.Message(message)));

    /// <summary>Errors without repeats, by file, line and column; ties keep the order found.</summary>
    public IReadOnlyList<ScenarioError> Sorted() =>
        _errors.Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();

    public ScenarioException ToException() => new(Sorted());
}
