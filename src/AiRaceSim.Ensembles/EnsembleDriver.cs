using AiRaceSim.Model.Series;

namespace AiRaceSim.Ensembles;

/// <summary>
/// The one ensemble loop: one world per block on a backend, all advanced a slice of months at a
/// time in parallel; each slice comes back from every block and is handed on joined in member
/// order, while the worlds step the next one, so a run holds about three slices of series (the blocks' parts, which their recorders
/// write in place, the slice joined from them, and the one being written). Run, calibrate, compare and the
/// bench all run their ensembles through this class.
/// </summary>
public sealed class EnsembleDriver(IEnsembleBackend backend)
{
    public async Task RunAsync(RunRequest request, Func<SeriesBatch, ValueTask> onSlice, IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        request.Validate();
        var worlds = new IBlockWorld?[request.Blocks];
        Task writing = Task.CompletedTask;
        bool failed = false;
        try
        {
            int total = request.Spec.Months, done = request.ResumeAt;
            await Task.WhenAll(Enumerable.Range(0, request.Blocks).Select(async b => worlds[b] = done == 0
                ? await backend.StartAsync(request, b, cancellation)
                : await backend.ResumeAsync(request, b, done, cancellation)));
            progress?.Report(new RunProgress(done, total, request.Members));
            while (done < total)
            {
                cancellation.ThrowIfCancellationRequested();
                int months = Math.Min(request.SliceMonths, total - done), from = done;
                // The worlds step this slice while the writers still take the last one (one slice in each),
                // and the writers get the slices one at a time, in order.
                var slices = await Task.WhenAll(Enumerable.Range(0, worlds.Length).Select(b => AdvanceAsync(b, months, from)));
                await writing;
                done += months;
                var joined = SeriesBatch.JoinMembers(slices);
                // The blocks' parts are copied: their arrays serve the next slice's (one block: the part is the joined slice).
                if (slices.Length > 1) foreach (var part in slices) SliceBuffers.Shared.Return(part.Values);
                slices = null!;
                int through = done;
                writing = Task.Run(() => Write(joined, through), CancellationToken.None); // on its own thread: writers may be synchronous
            }
            await writing;
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // A failure (or a cancellation) in flight is what the caller must see: an error while
            // stopping the worlds, or of a slice still being written, is not allowed to replace it;
            // and the writers are idle when this returns, so the caller may dispose of them.
            if (failed) { try { await writing; } catch (Exception) { } }
            // A run that did not finish keeps its checkpoints, to be resumed.
            bool keep = failed && request.Checkpoints;
            var stopping = Task.WhenAll(worlds.Where(w => w is not null).Select(w => w!.StopAsync(keep).AsTask()));
            if (failed) { try { await stopping; } catch (Exception) { } }
            else await stopping;
            SliceBuffers.Shared.Clear(); // the run's slice arrays are not kept for a process that goes on to other work
        }

        // A world lost with its silo is resumed from its checkpoint at the slice's start, wherever the backend
        // puts it now, and steps the slice again: the same bits, since a checkpoint holds all of its state.
        async Task<SeriesBatch> AdvanceAsync(int b, int months, int from)
        {
            var firstFailure = default(DateTimeOffset?);
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    // Before the first slice there is no checkpoint: the world starts again instead.
                    if (attempt > 1)
                        worlds[b] = from == 0 ? await backend.StartAsync(request, b, cancellation) : await backend.ResumeAsync(request, b, from, cancellation);
                    return await worlds[b]!.AdvanceAsync(months, cancellation);
                }
                catch (Exception e) when (backend.Checkpoints && backend.IsTransient(e) && !cancellation.IsCancellationRequested
                                          && Clock.GetUtcNow() - (firstFailure ??= Clock.GetUtcNow()) < RetryFor)
                {
                    progress?.Report(new RunProgress(from, request.Spec.Months, request.Members)
                    {
                        Notice = $"block {b}: {e.GetType().Name} ({FirstLine(e.Message)}); stepping months {from + 1}..{from + months} again " +
                            (from == 0 ? "from the start" : "from the checkpoint"),
                    });
                    await Task.Delay(RetryPause, cancellation);
                }
            }
        }

        async Task Write(SeriesBatch slice, int monthsDone)
        {
            cancellation.ThrowIfCancellationRequested(); // a cancelled run hands out no further slice (one may be joined already)
            await onSlice(slice);
            if (ReusesSlices) SliceBuffers.Shared.Return(slice.Values);
            progress?.Report(new RunProgress(monthsDone, request.Spec.Months, request.Members));
        }
    }

    /// <summary>
    /// Whether the slice callback keeps nothing of a slice once its task completes, so the slice's array serves a later
    /// slice (a large ensemble then allocates its slices once, not every slice). Off by default: a caller that holds slices
    /// (<see cref="RunToMemoryAsync"/>) would see them overwritten.
    /// </summary>
    public bool ReusesSlices { get; init; }

    /// <summary>How long a slice is retried after its world was first lost (a silo's death takes about 15 s to be declared with Orleans' defaults).</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    /// <summary>The retry budget's clock (time is not part of any result).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Runs and keeps every slice: for tests and small runs (a large run streams its slices instead).</summary>
    public async Task<SeriesBatch> RunToMemoryAsync(RunRequest request, CancellationToken cancellation = default)
    {
        var slices = new List<SeriesBatch>();
        // Kept slices must not be handed back, whatever this driver was told.
        await new EnsembleDriver(backend) { Clock = Clock }.RunAsync(request, s => { slices.Add(s); return ValueTask.CompletedTask; }, null, cancellation);
        return SeriesBatch.Concat(slices);
    }
}
