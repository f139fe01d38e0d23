using Microsoft.Extensions.DependencyInjection;
using AiRaceSim.Contracts;
using AiRaceSim.Grains;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.Placement;

namespace AiRaceSim.Silo;

/// <summary>Chooses the silo for <see cref="SpreadPlacement"/>: FNV-1a of the grain key modulo the silos in address order.</summary>
public sealed class SpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s).ToArray();
        uint h = 2166136261;
        foreach (char c in target.GrainIdentity.Key.ToString()) h = (h ^ c) * 16777619;
        return Task.FromResult(silos[(int)(h % (uint)silos.Length)]);
    }
}

public static class SiloBuilderExtensions
{
    /// <summary>What every AiRaceSim silo needs beyond the grains themselves: the placement, the worlds' shared runtimes.</summary>
    public static ISiloBuilder AddAiRaceSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ActorRuntimes>();
        return silo.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
    }

    /// <summary>The worlds' checkpoints in a folder of this machine (a local run's, beside its partial output).</summary>
    public static ISiloBuilder AddCheckpointFolder(this ISiloBuilder silo, string folder)
    {
        silo.Services.AddGrainStorage(CheckpointStorage.Name, (services, _) =>
            new FolderGrainStorage(folder, services.GetRequiredService<Orleans.Serialization.Serializer>()));
        return silo;
    }
}
