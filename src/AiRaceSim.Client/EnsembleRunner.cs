using AiRaceSim.Contracts;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Client;

/// <summary>What to run: a resolved scenario, how many members, in blocks of what size, what to record.</summary>
public sealed record RunRequest(WorldSpec Spec, int Members, int BlockSize)
{
    /// <summary>Months per grain call: keeps every call far below the response timeout and paces progress.</summary>
    public int SliceMonths { get; init; } = 12;
    public string RunId { get; init; } = Guid.NewGuid().ToString("N");
    public IReadOnlyCollection<string>? Metrics { get; init; }
    public IReadOnlyCollection<string>? Entities { get; init; }

    public int Blocks => (Members + BlockSize - 1) / BlockSize;
}

public sealed record RunProgress(int MonthsDone, int MonthsTotal, int Members);

/// <summary>
/// The client side of a run: one world per block, all advanced a slice at a time in parallel;
/// each slice comes back from every block and is handed on joined in member order, so a run never
/// holds more than one slice of series.
/// </summary>
public sealed class EnsembleRunner(IGrainFactory grains)
{
    public async Task RunAsync(RunRequest request, Func<SeriesBatch, ValueTask> onSlice, IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        if (request.Members < 1) throw new ArgumentOutOfRangeException(nameof(request), "members must be ≥ 1");
        if (request.BlockSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "block must be ≥ 1");
        if (request.SliceMonths < 1) throw new ArgumentOutOfRangeException(nameof(request), "slice must be ≥ 1 month");
        request.Spec.Validate();
        var spec = SpecCodec.Serialize(request.Spec);
        var metrics = request.Metrics?.ToArray();
        var entities = request.Entities?.ToArray();
        var worlds = Enumerable.Range(0, request.Blocks)
            .Select(b => grains.GetGrain<IWorldGrain>(GrainKeys.World(request.RunId, b))).ToArray();
        try
        {
            await Task.WhenAll(worlds.Select((w, b) =>
            {
                int first = b * request.BlockSize;
                return w.Start(new WorldSetup(request.RunId, b, first, Math.Min(request.BlockSize, request.Members - first), spec, metrics, entities));
            }));
            int total = request.Spec.Months, done = 0;
            progress?.Report(new RunProgress(0, total, request.Members));
            while (done < total)
            {
                cancellation.ThrowIfCancellationRequested();
                int months = Math.Min(request.SliceMonths, total - done);
                var slices = await Task.WhenAll(worlds.Select(w => w.Advance(months, cancellation)));
                await onSlice(SeriesBatch.JoinMembers(slices.Select(s => s.Value).ToArray()));
                done += months;
                progress?.Report(new RunProgress(done, total, request.Members));
            }
        }
        finally
        {
            await Task.WhenAll(worlds.Select(w => w.Stop()));
        }
    }

    /// <summary>Runs and keeps every slice: for tests and small runs (a large run streams its slices instead).</summary>
    public async Task<SeriesBatch> RunToMemoryAsync(RunRequest request, CancellationToken cancellation = default)
    {
        var slices = new List<SeriesBatch>();
        await RunAsync(request, s => { slices.Add(s); return ValueTask.CompletedTask; }, null, cancellation);
        return SeriesBatch.Concat(slices);
    }
}
