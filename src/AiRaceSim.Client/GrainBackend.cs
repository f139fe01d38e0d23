using AiRaceSim.Contracts;
using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Client;

/// <summary>
/// The Orleans backend of the <see cref="EnsembleDriver"/>: each block a world grain (with its
/// government and firm grains) wherever the cluster places it. The scenario crosses to the silos
/// serialised once per run.
/// </summary>
public sealed class GrainBackend(IGrainFactory grains) : IEnsembleBackend
{
    private readonly Lock _gate = new();
    private (RunRequest Request, byte[] Spec)? _serialized;

    public async Task<IBlockWorld> StartAsync(RunRequest request, int block, CancellationToken cancellation)
    {
        var (first, count) = request.Block(block);
        var world = grains.GetGrain<IWorldGrain>(GrainKeys.World(request.RunId, block));
        var handle = new World(world);
        try
        {
            await world.Start(new WorldSetup(request.RunId, block, first, count, Serialized(request),
                request.Metrics?.ToArray(), request.Entities?.ToArray()));
        }
        catch
        {
            // A world that failed half-way may hold activations; the start error is what the caller must see.
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

        public ValueTask DisposeAsync() => new(grain.Stop());
    }
}
