using System.Globalization;
using System.Text;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Output;

/// <summary>
/// <c>outcomes.csv</c>: one row per member, one column per outcome of the scenario (<see cref="Outcome"/>).
/// Each outcome is reduced as the slices stream by (memory: one value per outcome and member), and
/// the file is written when the run completes. Values in invariant culture, round-trip precision;
/// months yyyy-MM, <c>never</c> when the threshold was never passed; empty where the series had no value.
/// </summary>
public sealed class OutcomesWriter : ISeriesWriter
{
    public const string Never = "never";
    private readonly OutcomeReducer _reducer;
    private readonly string path;
    private readonly IReadOnlyList<Outcome> outcomes;
    private readonly Month start;

    /// <param name="resume">A <see cref="CheckpointAsync"/> of this run's writer to go on from, or null.</param>
    public OutcomesWriter(string path, IReadOnlyList<SeriesKey> keys, IReadOnlyList<Outcome> outcomes, Month start, byte[]? resume = null)
    {
        (this.path, this.outcomes, this.start) = (path, outcomes, start);
        _reducer = new OutcomeReducer(keys, outcomes, start);
        if (resume is not null) _reducer.Resume(resume);
    }

    public ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation) => ValueTask.FromResult(_reducer.Checkpoint());

    public ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        _reducer.Add(slice);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync("member," + string.Join(',', outcomes.Select(o => o.Name)));
        var line = new StringBuilder();
        for (int m = 0; m < _reducer.Members; m++)
        {
            line.Clear().Append(m.ToString(CultureInfo.InvariantCulture));
            for (int o = 0; o < outcomes.Count; o++) line.Append(',').Append(Format(outcomes[o], _reducer.Values[o][m]));
            await writer.WriteLineAsync(line, cancellation);
        }
    }

    /// <summary>How one member's outcome is written.</summary>
    public string Format(Outcome o, double v) => Format(o, v, start);

    /// <summary>How a value of <paramref name="o"/> is written: yyyy-MM or never for a month, round-trip digits or empty for a value.</summary>
    public static string Format(Outcome o, double v, Month start) => o.IsMonth
        ? double.IsNaN(v) ? Never : (start + (int)v).ToString()
        : double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
