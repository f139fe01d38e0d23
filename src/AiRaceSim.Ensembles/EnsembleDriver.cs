using AiRaceSim.Model.Series;

namespace AiRaceSim.Ensembles;

/// <summary>
/// The one ensemble loop: one world per block on a backend, all advanced a slice of months at a
/// time in parallel; each slice comes back from every block and is handed on joined in member
/// order, while the worlds step the next one, so a run holds two slices of series at most. Run, calibrate, compare and the
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
            await Task.WhenAll(Enumerable.Range(0, request.Blocks).Select(async b =>
                worlds[b] = await backend.StartAsync(request, b, cancellation)));
            int total = request.Spec.Months, done = 0;
            progress?.Report(new RunProgress(0, total, request.Members));
            while (done < total)
            {
                cancellation.ThrowIfCancellationRequested();
                int months = Math.Min(request.SliceMonths, total - done);
                // The worlds step this slice while the writers still take the last one (one slice in each),
                // and the writers get the slices one at a time, in order.
                var slices = await Task.WhenAll(worlds.Select(w => w!.AdvanceAsync(months, cancellation)));
                await writing;
                done += months;
                var joined = SeriesBatch.JoinMembers(slices);
                slices = null!; // the blocks' parts are copied: let them go while the next slice steps
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
            var stopping = Task.WhenAll(worlds.Where(w => w is not null).Select(w => w!.DisposeAsync().AsTask()));
            if (failed) { try { await stopping; } catch (Exception) { } }
            else await stopping;
        }

        async Task Write(SeriesBatch slice, int monthsDone)
        {
            await onSlice(slice);
            progress?.Report(new RunProgress(monthsDone, request.Spec.Months, request.Members));
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
