using AiRaceSim.Client;
using AiRaceSim.Ensembles;
using AiRaceSim.Model.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AiRaceSim.Grains.Tests;

/// <summary>The worlds' shared runtimes are a service of each silo: held while a world runs there, released when it stops.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RuntimeCacheTests(ClusterFixture clusters)
{
    private ActorRuntimes[] PerSilo() =>
        clusters.Two.Silos.Select(s => s.ServiceProvider.GetRequiredService<ActorRuntimes>()).ToArray();

    [Fact]
    public async Task Each_silo_has_its_own_runtimes_held_while_its_worlds_run_and_released_after()
    {
        var silos = PerSilo();
        Assert.Equal(2, silos.Length);
        Assert.NotSame(silos[0], silos[1]); // two silos in one process keep theirs apart
        int before = silos.Sum(s => s.Count);
        var during = new List<int>();
        var spec = TestWorlds.WithPolicy(months: 12);
        await new EnsembleDriver(new GrainBackend(clusters.Two.Client)).RunAsync(new RunRequest(spec, 4, 2) { SliceMonths = 6 }, _ =>
        {
            during.Add(silos.Sum(s => s.Count));
            return ValueTask.CompletedTask;
        });
        // Two blocks, each a world whose grains spread over both silos: each silo holds a runtime for each world it hosts part of.
        Assert.All(during, n => Assert.True(n >= before + 2, $"{n} runtimes during the run, {before} before"));
        Assert.Equal(before, silos.Sum(s => s.Count));
    }
}
