using AiRaceSim.Contracts;
using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;
using Orleans.Runtime.Messaging;

namespace AiRaceSim.Client;

/// <summary>
/// The Orleans backend of the <see cref="EnsembleDriver"/>: each block a world grain (with its
/// government and firm grains) wherever the cluster places it. The scenario crosses to the silos
/// serialised once per run.
/// </summary>
/// <param name="checkpoints">Whether every world checkpoints at each slice boundary (on a cluster: a lost silo costs a slice, not the run).</param>
public sealed class GrainBackend(IGrainFactory grains, bool checkpoints = false) : IEnsembleBackend
{
    public bool Checkpoints => checkpoints;

    private readonly Lock _gate = new();
    private (RunRequest Request, byte[] Spec)? _serialized;

    public Task<IBlockWorld> StartAsync(RunRequest request, int block, CancellationToken cancellation) =>
        StartAsync(request, block, (world, setup) => world.Start(setup), fresh: true);

    public Task<IBlockWorld> ResumeAsync(RunRequest request, int block, int monthsDone, CancellationToken cancellation) =>
        StartAsync(request, block, (world, setup) => world.Restore(setup, monthsDone), fresh: false);

    /// <summary>
    /// The loss of a silo: a call to it failed or was rejected because it is gone, or timed out (the client's call to a world
    /// whose silo died before answering gets no answer at all: the kill test sees both). No other Orleans or model error:
    /// they would fail again. (A slice slower than the 30 s response timeout times out again each time, until the retries'
    /// 90 s are spent; slices are sized far below it.)
    /// </summary>
    public bool IsTransient(Exception failure) =>
        failure is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException
        || (failure is AggregateException a && a.InnerExceptions.All(IsTransient));

    private async Task<IBlockWorld> StartAsync(RunRequest request, int block, Func<IWorldGrain, WorldSetup, Task> start, bool fresh)
    {
        var (first, count) = request.Block(block);
        var world = grains.GetGrain<IWorldGrain>(GrainKeys.World(request.RunId, block));
        var handle = new World(world);
        try
        {
            await start(world, new WorldSetup(request.RunId, block, first, count, Serialized(request),
                request.Metrics?.ToArray(), request.Entities?.ToArray(), request.Checkpoints || checkpoints));
        }
        catch when (fresh)
        {
            // A world that failed half-way may hold activations; the start error is what the caller must see.
            // (One that failed to resume keeps them, and its checkpoints, for the next attempt.)
            try { await handle.DisposeAsync(); } catch (Exception) { }
            throw;
        }
        return handle;
    }

    private byte[] Serialized(RunRequest request)
    {
        lock (_gate)
        {
            if (_serialized is { } s && ReferenceEquals(s.Request, request)) return s.Spec;
            var spec = SpecCodec.Serialize(request.Spec);
            _serialized = (request, spec);
            return spec;
        }
    }

    private sealed class World(IWorldGrain grain) : IBlockWorld
    {
        public async Task<SeriesBatch> AdvanceAsync(int months, CancellationToken cancellation) =>
            (await grain.Advance(months, cancellation)).Value;

        public ValueTask StopAsync(bool keepCheckpoints) => new(grain.Stop(keepCheckpoints));

        public ValueTask DisposeAsync() => StopAsync(keepCheckpoints: false);
    }
}
