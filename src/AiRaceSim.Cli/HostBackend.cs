using AiRaceSim.Client;
using AiRaceSim.Ensembles;
using AiRaceSim.Silo;

namespace AiRaceSim.Cli;

/// <summary>The ensemble backend of a started host: its grains, which on a cluster checkpoint every slice into its Redis.</summary>
internal static class HostBackend
{
    public static IEnsembleBackend Of(SimulationHost host) => new GrainBackend(host.Grains, checkpoints: host.Clustered);
}
