using AiRaceSim.Grains;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiRaceSim.Silo;

/// <summary>
/// Where a process's metrics (Orleans' meter and the simulation's) and, for a silo, Orleans' traces go:
/// the console every 10 s, and/or an OpenTelemetry collector over OTLP (HTTP/protobuf).
/// </summary>
public sealed record TelemetryOptions(bool Console, Uri? Otlp)
{
    public bool Any => Console || Otlp is not null;

    /// <summary>Registers the exporters; <paramref name="traces"/>: Orleans' activity sources too (a silo's grain calls and runtime).</summary>
    internal void AddTo(IServiceCollection services, bool traces)
    {
        if (!Any) return;
        var telemetry = services.AddOpenTelemetry().WithMetrics(m =>
        {
            m.AddMeter("Microsoft.Orleans", SimulationMetrics.MeterName);
            if (Console) m.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000);
            if (Otlp is { } endpoint) m.AddOtlpExporter(o => Endpoint(o, endpoint, "v1/metrics"));
        });
        if (!traces) return;
        telemetry.WithTracing(t =>
        {
            t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
            if (Console) t.AddConsoleExporter();
            if (Otlp is { } endpoint) t.AddOtlpExporter(o => Endpoint(o, endpoint, "v1/traces"));
        });
    }

    /// <summary>HTTP/protobuf to the collector's signal path (the exporter does not append it when the endpoint is set in code).</summary>
    private static void Endpoint(OtlpExporterOptions o, Uri collector, string signal)
    {
        o.Protocol = OtlpExportProtocol.HttpProtobuf;
        o.Endpoint = new Uri(collector, signal);
    }
}
