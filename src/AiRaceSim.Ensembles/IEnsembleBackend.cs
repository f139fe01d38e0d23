using AiRaceSim.Model.Series;

namespace AiRaceSim.Ensembles;

/// <summary>
/// Where the worlds of an ensemble run: in this process (<see cref="InProcessBackend"/>) or as
/// grains (AiRaceSim.Client's GrainBackend). A backend only starts, advances and stops one block's
/// world; the <see cref="EnsembleDriver"/> does everything else, once, for every backend.
/// </summary>
public interface IEnsembleBackend
{
    /// <summary>Starts the world of block <paramref name="block"/> of the request, at its first month.</summary>
    Task<IBlockWorld> StartAsync(RunRequest request, int block, CancellationToken cancellation);

    /// <summary>
    /// The world of block <paramref name="block"/> as its checkpoint after <paramref name="monthsDone"/> months left it
    /// (a request with <see cref="RunRequest.Checkpoints"/>); only backends that keep checkpoints can.
    /// </summary>
    Task<IBlockWorld> ResumeAsync(RunRequest request, int block, int monthsDone, CancellationToken cancellation) =>
        throw new NotSupportedException($"{GetType().Name} keeps no checkpoints: its worlds cannot resume");

    /// <summary>Whether its worlds checkpoint at every slice boundary whatever the request says (a cluster's, into its Redis), so a lost one is resumed.</summary>
    bool Checkpoints => false;

    /// <summary>Whether a failure is the loss of where a world ran (a silo), after which the slice is worth retrying from the checkpoint.</summary>
    bool IsTransient(Exception failure) => false;
}

/// <summary>One block's world: advanced a slice at a time; disposing it stops it.</summary>
public interface IBlockWorld : IAsyncDisposable
{
    /// <summary>
    /// Steps up to <paramref name="months"/> months (fewer at the end) and returns what they recorded. The batch's
    /// <c>Values</c> then belong to the driver, which hands them to <c>SliceBuffers.Shared</c> once joined: a world
    /// must not keep or reuse them.
    /// </summary>
    Task<SeriesBatch> AdvanceAsync(int months, CancellationToken cancellation);

    /// <summary>Stops the world; its checkpoints stay when asked (a run that failed or was stopped may resume), else they go too.</summary>
    ValueTask StopAsync(bool keepCheckpoints) => DisposeAsync();
}
