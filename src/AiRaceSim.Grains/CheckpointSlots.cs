using AiRaceSim.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AiRaceSim.Grains;

/// <summary>
/// One grain's checkpoints in the silo's checkpoint storage: <see cref="CheckpointStorage.Generations"/> names used in
/// turn, each remembering its storage ETag, so a grain re-activated on another silo after reading them may overwrite them.
/// </summary>
internal sealed class CheckpointSlots(IServiceProvider services, GrainId grain)
{
    private readonly GrainState<ActorCheckpoint>[] _slots =
        Enumerable.Range(0, CheckpointStorage.Generations).Select(_ => new GrainState<ActorCheckpoint>(new ActorCheckpoint())).ToArray();

    private IGrainStorage Storage => services.GetKeyedService<IGrainStorage>(CheckpointStorage.Name)
        ?? throw new InvalidOperationException(
            $"this silo has no checkpoint storage ('{CheckpointStorage.Name}'): a cluster's silos keep them in Redis, a local run in its output folder");

    public async Task SaveAsync(int slice, int monthsDone, byte[] image)
    {
        var slot = _slots[slice % CheckpointStorage.Generations];
        var name = CheckpointStorage.StateName(slice);
        var checkpoint = new ActorCheckpoint { MonthsDone = monthsDone, Slice = slice, Image = image };
        slot.State = checkpoint;
        try
        {
            await Storage.WriteStateAsync(name, grain, slot);
        }
        catch (InconsistentStateException)
        {
            // An earlier activation (on a silo since lost) wrote this name: this grain is its only writer, so take
            // the stored ETag and write again.
            await Storage.ReadStateAsync(name, grain, slot);
            slot.State = checkpoint;
            await Storage.WriteStateAsync(name, grain, slot);
        }
    }

    /// <summary>The checkpoint taken after <paramref name="monthsDone"/> months, read from storage (every generation, for their ETags).</summary>
    public async Task<ActorCheckpoint> LoadAsync(int monthsDone)
    {
        ActorCheckpoint? found = null;
        for (int g = 0; g < _slots.Length; g++)
        {
            await Storage.ReadStateAsync(CheckpointStorage.StateName(g), grain, _slots[g]);
            if (_slots[g].RecordExists && _slots[g].State?.MonthsDone == monthsDone) found = _slots[g].State;
        }
        return found ?? throw new InvalidOperationException($"{grain} has no checkpoint after {monthsDone} months");
    }

    /// <summary>
    /// Removes what this grain saved (the run is over), as far as it can: a failure here must not fail a run whose
    /// results are all written, nor keep the grain from stopping (Redis entries expire by themselves).
    /// </summary>
    public async Task ClearAsync()
    {
        var storage = services.GetKeyedService<IGrainStorage>(CheckpointStorage.Name);
        if (storage is null) return;
        for (int g = 0; g < _slots.Length; g++)
        {
            if (!_slots[g].RecordExists) continue;
            try { await storage.ClearStateAsync(CheckpointStorage.StateName(g), grain, _slots[g]); }
            catch (Exception e) when (e is not OutOfMemoryException) { }
        }
    }
}
