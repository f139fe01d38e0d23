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
}

/// <summary>One block's world: advanced a slice at a time; disposing it stops it.</summary>
public interface IBlockWorld : IAsyncDisposable
{
    /// <summary>Steps up to <paramref name="months"/> months (fewer at the end) and returns what they recorded.</summary>
    Task<SeriesBatch> AdvanceAsync(int months, CancellationToken cancellation);
}
