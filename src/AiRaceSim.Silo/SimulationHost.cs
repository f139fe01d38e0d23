using System.Net;
using System.Net.Sockets;
using AiRaceSim.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace AiRaceSim.Silo;

/// <summary>How the client reaches grains: an embedded silo (default) or a Redis-clustered deployment.</summary>
public sealed record HostOptions
{
    /// <summary>A Redis-clustered deployment (`airace silo`) to join as a client, finding its gateways in Redis; null: start an embedded silo in this process.</summary>
    public ClusterAddress? Cluster { get; init; }
    /// <summary>Where the embedded silo keeps the worlds' checkpoints (a local run's output folder); null: it keeps none.</summary>
    public string? CheckpointFolder { get; init; }
    /// <summary>Export the simulation's and Orleans' meters to the console.</summary>
    public bool Telemetry { get; init; }
    /// <summary>Orleans' and the host's log lines from this level on, to stderr; null (the default): none, so stdout holds only results.</summary>
    public LogLevel? LogLevel { get; init; }
}

/// <summary>
/// A started host holding either an embedded silo with its co-hosted client or a client of a
/// cluster; the same <see cref="Grains"/> either way.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SimulationHost(IHost host, bool clustered) => (_host, Clustered) = (host, clustered);

    /// <summary>Whether the grains run on a cluster's silos (the host is its client), not in this process.</summary>
    public bool Clustered { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SimulationHost> StartAsync(HostOptions options, CancellationToken cancellation = default)
    {
        var builder = NewBuilder(options.LogLevel);
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        if (options.Cluster is { } cluster)
        {
            builder.UseOrleansClient(client => client.UseRedisClustering(cluster.Redis)
                .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
                .Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.MaxMessageBodySize = ClusterAddress.MaxMessageBodyBytes));
            builder.Services.AddSingleton<IClientConnectionRetryFilter, BoundedConnectRetry>();
        }
        else
        {
            // Free ports, so runs and tests can share a machine.
            var (siloPort, gatewayPort) = FreePorts();
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort).AddAiRaceSim();
                if (options.CheckpointFolder is { } folder) silo.AddCheckpointFolder(folder);
            });
        }
        new TelemetryOptions(options.Telemetry, null).AddTo(builder.Services, traces: false);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (options.Cluster is { } c && e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnreachableException(
                $"cannot join the cluster '{c.ClusterId}' through Redis at {c.RedisShown}: {FirstSentence(e.GetBaseException().Message)}; " +
                "start Redis and at least one `airace silo --redis` with the same cluster id (docs/CLUSTER.md), or run without --cluster", e);
        }
        return new SimulationHost(host, options.Cluster is not null);
    }

    /// <summary>
    /// A host builder for airace's processes: no default configuration files, environment variables,
    /// log lines only on stderr and only from <paramref name="level"/> on (none when null), and a
    /// lifetime its owner controls.
    /// </summary>
    internal static HostApplicationBuilder NewBuilder(LogLevel? level) =>
        Prepare(Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }), level);

    /// <summary>The same for any host builder (a web application's, for the silo's dashboard).</summary>
    internal static T Prepare<T>(T builder, LogLevel? level) where T : IHostApplicationBuilder
    {
        // No defaults: they watch appsettings files in the working directory for changes, and on Linux
        // that is an inotify watch on every directory below it (seconds, and a crash at the user's
        // inotify limit, when a run starts in a large tree). Environment variables still configure it.
        builder.Configuration.AddEnvironmentVariables();
        // The default providers write to stdout, in the middle of a user's results.
        builder.Logging.ClearProviders();
        if (level is { } l)
        {
            builder.Logging.SetMinimumLevel(l);
            builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error); // the ServerGC advice at start-up
            // Its first check after start reports the time since an unset clock (hours "not completed"), every start.
            builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        // The command line owns SIGINT/SIGTERM (the console lifetime would stop the silo under a running client).
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        return builder;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>A lifetime that neither waits for nor handles console signals: the host lives as long as its owner says.</summary>
    internal sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    /// <summary>Two distinct free ports, both held open while chosen so they cannot coincide.</summary>
    private static (int, int) FreePorts()
    {
        using var a = new TcpListener(IPAddress.Loopback, 0);
        using var b = new TcpListener(IPAddress.Loopback, 0);
        a.Start();
        b.Start();
        return (((IPEndPoint)a.LocalEndpoint).Port, ((IPEndPoint)b.LocalEndpoint).Port);
    }
}

/// <summary>The client could not join the cluster it was given (its Redis or its silos are not there).</summary>
public sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
