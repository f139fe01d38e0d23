using AiRaceSim.Ensembles;
using System.Diagnostics.Metrics;
using AiRaceSim.Client;
using AiRaceSim.Model.Tests;

namespace AiRaceSim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TelemetryTests(ClusterFixture clusters)
{
    [Fact]
    public async Task The_simulation_meter_counts_months_member_months_and_grain_calls()
    {
        long months = 0, memberMonths = 0, calls = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SimulationMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "airace.months_stepped": Interlocked.Add(ref months, value); break;
                case "airace.member_months": Interlocked.Add(ref memberMonths, value); break;
                case "airace.grain_calls": Interlocked.Add(ref calls, value); break;
            }
        });
        listener.Start();
        // 5 members in blocks of 2: 3 worlds of 24 months; per world-month 2 governments apply,
        // none decides (no rules, no perception) and 4 firms step: 6 calls.
        var spec = TestWorlds.UsCn(months: 24);
        await new EnsembleDriver(new GrainBackend(clusters.One.Client)).RunToMemoryAsync(new RunRequest(spec, 5, 2) { RunId = "telemetry" });
        listener.Dispose();
        Assert.Equal(3 * 24, months);
        Assert.Equal(5 * 24, memberMonths);
        Assert.Equal(3 * 24 * 6, calls);
    }
}
