using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Output;

/// <summary>
/// What every writer needs to turn batches into rows: the scenario name, the first month, the
/// catalog's keys and which of them to write (the run may record more, e.g. for the summary).
/// </summary>
public sealed class SeriesLayout
{
    public string Scenario { get; }
    public Month Start { get; }
    public IReadOnlyList<SeriesKey> Keys { get; }
    /// <summary>Indices of the keys that are written, in catalog order.</summary>
    public IReadOnlyList<int> Written { get; }

    public SeriesLayout(string scenario, Month start, IReadOnlyList<SeriesKey> keys, Func<SeriesKey, bool> write)
    {
        Scenario = scenario;
        Start = start;
        Keys = keys;
        Written = Enumerable.Range(0, keys.Count).Where(k => write(keys[k])).ToArray();
    }

    public string DateOf(int monthIndex) => (Start + monthIndex).ToString();
}

/// <summary>A consumer of a run's series, one slice (all members, consecutive months) at a time.</summary>
public interface ISeriesWriter : IAsyncDisposable
{
    ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation);
    /// <summary>Flushes and closes the file; a writer that is disposed without completing leaves a partial file behind in the temporary folder only.</summary>
    ValueTask CompleteAsync(CancellationToken cancellation);

    /// <summary>
    /// What the writer has done by a slice boundary (its file flushed), from which a writer of the same run, given it
    /// at creation, goes on as if never stopped (`airace run --resume`).
    /// </summary>
    ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation) =>
        throw new NotSupportedException($"{GetType().Name} cannot be resumed");
}
