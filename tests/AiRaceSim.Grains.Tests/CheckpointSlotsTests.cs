using AiRaceSim.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AiRaceSim.Grains.Tests;

/// <summary>A grain's checkpoints in storage that checks ETags as Orleans' Redis storage does (a write only over the ETag it holds).</summary>
public class CheckpointSlotsTests
{
    private static readonly GrainId Firm = GrainId.Create("firm", "run/0/f:lab");

    [Fact]
    public async Task A_grain_activated_again_overwrites_what_its_lost_activation_saved_and_reads_its_own_back()
    {
        var storage = new EtagStorage();
        var services = new ServiceCollection().AddKeyedSingleton<IGrainStorage>(CheckpointStorage.Name, storage).BuildServiceProvider();
        // The activation on the silo that is lost saved slice 1; the new one, which never read it, saves slice 1 again.
        await new CheckpointSlots(services, Firm).SaveAsync(1, 12, [1, 2, 3]);
        await new CheckpointSlots(services, Firm).SaveAsync(1, 12, [4, 5]);
        Assert.Equal(1, storage.Conflicts); // the second write met the first's ETag once, then wrote over it
        var back = await new CheckpointSlots(services, Firm).LoadAsync(12);
        Assert.Equal([4, 5], back.Image);
        Assert.Equal(1, back.Slice);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new CheckpointSlots(services, Firm).LoadAsync(24));
    }

    [Fact]
    public async Task Clearing_removes_what_was_saved_and_a_failing_store_does_not_stop_it()
    {
        var storage = new EtagStorage();
        var services = new ServiceCollection().AddKeyedSingleton<IGrainStorage>(CheckpointStorage.Name, storage).BuildServiceProvider();
        var slots = new CheckpointSlots(services, Firm);
        await slots.SaveAsync(1, 12, [1]);
        await slots.SaveAsync(2, 24, [2]);
        await slots.ClearAsync();
        Assert.Empty(storage.Records);
        await slots.SaveAsync(3, 36, [3]);
        storage.FailClears = true;
        await slots.ClearAsync(); // best effort: no exception
        Assert.Single(storage.Records);
    }

    private sealed class EtagStorage : IGrainStorage
    {
        public readonly Dictionary<string, (string Etag, object State)> Records = [];
        public int Conflicts;
        public bool FailClears;
        private int _next;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Records.TryGetValue(stateName, out var r)) (grainState.State, grainState.ETag, grainState.RecordExists) = ((T)r.State, r.Etag, true);
            else (grainState.ETag, grainState.RecordExists) = (null, false);
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            var stored = Records.TryGetValue(stateName, out var r) ? r.Etag : null;
            if (stored != grainState.ETag)
            {
                Conflicts++;
                throw new InconsistentStateException($"ETag {grainState.ETag ?? "none"} is not the stored {stored}");
            }
            var etag = (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Records[stateName] = (etag, grainState.State!);
            (grainState.ETag, grainState.RecordExists) = (etag, true);
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (FailClears) throw new IOException("the store is gone");
            Records.Remove(stateName);
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
    }
}
