using System.Net;
using System.Net.Sockets;
using AiRaceSim.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace AiRaceSim.Silo;

/// <summary>How the client reaches grains: an embedded silo (default) or an existing cluster's gateway.</summary>
public sealed record HostOptions
{
    /// <summary>Gateway ports of a running cluster; none: start an embedded silo in this process.</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [];
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

    private SimulationHost(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SimulationHost> StartAsync(HostOptions options, CancellationToken cancellation = default)
    {
        // No defaults: they watch appsettings files in the working directory for changes, and on Linux
        // that is an inotify watch on every directory below it (seconds, and a crash at the user's
        // inotify limit, when a run starts in a large tree). Environment variables still configure it.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        // The default providers write to stdout, in the middle of a user's results.
        builder.Logging.ClearProviders();
        if (options.LogLevel is { } level)
        {
            builder.Logging.SetMinimumLevel(level);
            builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error); // the ServerGC advice at start-up
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        // The command line owns SIGINT/SIGTERM (the console lifetime would stop the silo under a running client).
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        if (options.GatewayPorts.Count == 0)
        {
            // Free ports, so runs and tests can share a machine.
            var (siloPort, gatewayPort) = FreePorts();
            builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort).AddAiRaceSim());
        }
        else
        {
            builder.UseOrleansClient(client => client.UseLocalhostClustering(options.GatewayPorts.ToArray()));
        }
        if (options.Telemetry)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter("Microsoft.Orleans", SimulationMetrics.MeterName)
                .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000));
        }
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new SimulationHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>A lifetime that neither waits for nor handles console signals: the host lives as long as its owner says.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

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
