namespace AiRaceSim.Model.Parameters;

/// <summary>One uncertain parameter as drawn for the members of a block: its scenario path and one value per member.</summary>
public sealed record DrawnParameter(string Path, double[] Values);

/// <summary>
/// The uncertain parameters a block drew at setup, in draw order, each once (a draw shared by
/// several actors, such as a country's φ scale read by each of its firms, is logged the first
/// time). Filled by <see cref="MemberDraws"/> when it carries a log; fixed values are not logged.
/// </summary>
public sealed class DrawLog
{
    private readonly List<DrawnParameter> _entries = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public IReadOnlyList<DrawnParameter> Entries => _entries;

    /// <summary>
    /// Logs a copy of the values (callers transform their arrays in place after drawing). A path
    /// logged before must bring the same values (a shared draw); two parameters under one path would
    /// make the draws output ambiguous, so that throws.
    /// </summary>
    internal void Add(string path, double[] values)
    {
        if (_paths.Add(path)) { _entries.Add(new DrawnParameter(path, (double[])values.Clone())); return; }
        if (!_entries.First(e => e.Path == path).Values.AsSpan().SequenceEqual(values))
            throw new ArgumentException($"two uncertain parameters are both named '{path}' (a tier name or id used twice?): draws.csv cannot tell them apart");
    }
}
