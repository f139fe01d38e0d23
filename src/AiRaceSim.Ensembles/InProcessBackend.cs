using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Ensembles;

/// <summary>The bare kernel: each block a <see cref="BlockSimulation"/>, stepped on the thread pool (so blocks use every core).</summary>
public sealed class InProcessBackend : IEnsembleBackend
{
    public Task<IBlockWorld> StartAsync(RunRequest request, int block, CancellationToken cancellation)
    {
        var (first, count) = request.Block(block);
        return Task.Run<IBlockWorld>(() =>
            new World(new BlockSimulation(request.Spec, first, count, new SeriesCatalog(request.Spec, request.Metrics, request.Entities)), first),
            cancellation);
    }

    private sealed class World(BlockSimulation sim, int first) : IBlockWorld
    {
        public Task<SeriesBatch> AdvanceAsync(int months, CancellationToken cancellation) => Task.Run(() =>
        {
            sim.ExpectSlice(months);
            for (int i = 0; i < months && !sim.Done; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                sim.Step();
            }
            return sim.TakeSeries() ?? SeriesBatch.Empty(sim.World.MonthsDone, first, sim.World.Members, sim.Recorder!.Catalog.Keys.Count);
        }, cancellation);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
