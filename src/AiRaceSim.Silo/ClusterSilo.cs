using System.Net;
using AiRaceSim.Contracts;
using AiRaceSim.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AiRaceSim.Silo;

/// <summary>A silo of a Redis-clustered deployment: its cluster, its address and ports, and how fast it declares a lost silo dead.</summary>
public sealed record ClusterSiloOptions(ClusterAddress Cluster, int SiloPort, int GatewayPort)
{
    /// <summary>The IPv4 address other silos and clients reach this one at; the silo listens there only.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// Declare a silo that stops answering dead in about 2 s instead of Orleans' default of about 15 s
    /// (probe timeout 1 s, 2 missed probes, 1 vote): for tests on one machine, not for a network.
    /// </summary>
    public bool FastFailureDetection { get; init; }

    /// <summary>Metrics and traces to the console and/or an OTLP collector; none by default.</summary>
    public TelemetryOptions Telemetry { get; init; } = new(false, null);

    /// <summary>Serve the Orleans dashboard on this port of 127.0.0.1 (loopback only); null: no dashboard.</summary>
    public int? DashboardPort { get; init; }
    /// <summary>The address the dashboard listens on: loopback unless told (a container's, published to the host's loopback).</summary>
    public IPAddress DashboardAddress { get; init; } = IPAddress.Loopback;

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
        IHost host;
        if (options.DashboardPort is { } port)
        {
            // The dashboard is an ASP.NET Core endpoint: the silo runs inside a minimal web application, on loopback unless told.
            var web = SimulationHost.Prepare(WebApplication.CreateEmptyBuilder(new WebApplicationOptions()), options.LogLevel ?? LogLevel.Warning);
            web.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(options.DashboardAddress, port));
            web.Services.AddRouting();
            Configure(web, options, silo => silo.AddDashboard());
            var app = web.Build();
            app.MapOrleansDashboard();
            host = app;
        }
        else
        {
            var builder = SimulationHost.NewBuilder(options.LogLevel ?? LogLevel.Warning);
            Configure(builder, options, _ => { });
            host = builder.Build();
        }
        using var _ = host;
        await host.StartAsync(cancellation);
        ready($"silo {options.Address}:{options.SiloPort} (gateway {options.GatewayPort}) in cluster '{options.Cluster.ClusterId}' on Redis {options.Cluster.RedisShown}" +
            (options.DashboardPort is { } p ? options.DashboardAddress.Equals(IPAddress.Any)
                ? $", dashboard on port {p} of every interface" : $", dashboard http://{options.DashboardAddress}:{p}/" : ""));
        try { await Task.Delay(Timeout.Infinite, cancellation); }
        catch (OperationCanceledException) { }
        await host.StopAsync(CancellationToken.None);
    }

    private static void Configure(IHostApplicationBuilder builder, ClusterSiloOptions options, Action<ISiloBuilder> more)
    {
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        options.Telemetry.AddTo(builder.Services, traces: true);
        builder.UseOrleans(silo =>
        {
            if (options.Telemetry.Any) silo.AddActivityPropagation(); // grain calls as activities
            silo.UseRedisClustering(options.Cluster.Redis)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.Cluster.ClusterId, options.Cluster.ServiceId))
                // Listens on the advertised address only (the Orleans protocol has no authentication: never on every interface).
                .ConfigureEndpoints(options.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false)
                .Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = ClusterAddress.MaxMessageBodyBytes)
                .AddAiRaceSim()
                // The worlds' checkpoints in the same Redis: a world whose silo is lost comes back on another from there.
                .AddRedisGrainStorage(CheckpointStorage.Name, (OptionsBuilder<Orleans.Persistence.RedisStorageOptions> builder) =>
                    builder.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
                    {
                        o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(options.Cluster.Redis);
                        o.DeleteStateOnClear = true;
                        o.EntryExpiry = TimeSpan.FromDays(1); // a run whose client is gone leaves nothing behind for long
                        // Orleans' binary format, as the local folder storage writes: the images as bytes, not base64 in JSON.
                        o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
                    }));
            if (options.FastFailureDetection) silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
            more(silo);
        });
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
