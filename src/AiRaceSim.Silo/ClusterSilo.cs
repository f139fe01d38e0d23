using System.Net;
using AiRaceSim.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AiRaceSim.Silo;

/// <summary>A silo of a Redis-clustered deployment: its cluster, its address and ports, and how fast it declares a lost silo dead.</summary>
public sealed record ClusterSiloOptions(ClusterAddress Cluster, int SiloPort, int GatewayPort)
{
    /// <summary>The address other silos and clients reach this one at; loopback listens there only, any other address on every interface.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// Declare a silo that stops answering dead in about 2 s instead of Orleans' default of about 15 s
    /// (probe timeout 1 s, 2 missed probes, 1 vote): for tests on one machine, not for a network.
    /// </summary>
    public bool FastFailureDetection { get; init; }

    /// <summary>Orleans' and the host's log lines from this level on, to stderr; null: warnings and errors.</summary>
    public LogLevel? LogLevel { get; init; }
}

/// <summary>
/// `airace silo`: one silo of a cluster whose membership lives in Redis, hosting the simulation's
/// grains until cancelled (SIGINT or SIGTERM), then leaving the cluster gracefully.
/// </summary>
public static class ClusterSilo
{
    public static async Task RunAsync(ClusterSiloOptions options, Action<string> ready, CancellationToken cancellation)
    {
        var builder = SimulationHost.NewBuilder(options.LogLevel ?? LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(options.Cluster.Redis)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.Cluster.ClusterId, options.Cluster.ServiceId))
                .ConfigureEndpoints(options.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(options.Address))
                .AddAiRaceSim();
            if (options.FastFailureDetection) silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        ready($"silo {options.Address}:{options.SiloPort} (gateway {options.GatewayPort}) in cluster '{options.Cluster.ClusterId}' on Redis {options.Cluster.Redis}");
        try { await Task.Delay(Timeout.Infinite, cancellation); }
        catch (OperationCanceledException) { }
        await host.StopAsync(CancellationToken.None);
    }

    /// <summary>About 2 s from a silo's last answer to its death in the membership table (the defaults take about 15 s).</summary>
    public static void FastFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
    }
}
