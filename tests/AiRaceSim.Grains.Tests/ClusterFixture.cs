using Microsoft.Extensions.Logging;
using AiRaceSim.Silo;
using Orleans.TestingHost;

namespace AiRaceSim.Grains.Tests;

/// <summary>A 1-silo and a 2-silo test cluster, shared by all grain tests (clusters compete for the cores).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster One { get; private set; } = null!;
    public InProcessTestCluster Two { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        One = Build(1);
        Two = Build(2);
        await Task.WhenAll(One.DeployAsync(), Two.DeployAsync());
    }

    private static InProcessTestCluster Build(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddAiRaceSim().ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        return builder.Build();
    }

    public async Task DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans clusters";
}
