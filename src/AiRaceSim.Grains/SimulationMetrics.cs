using System.Diagnostics.Metrics;

namespace AiRaceSim.Grains;

/// <summary>The simulation's own meter (exported beside Orleans' "Microsoft.Orleans" meter when telemetry is on).</summary>
public static class SimulationMetrics
{
    public const string MeterName = "AiRaceSim";
    public static readonly Meter Meter = new(MeterName, "0.1.0");

    public static readonly Counter<long> MonthsStepped = Meter.CreateCounter<long>("airace.months_stepped", "{month}", "World-months stepped");
    public static readonly Counter<long> MemberMonths = Meter.CreateCounter<long>("airace.member_months", "{member-month}", "Member-months stepped");
    public static readonly Counter<long> GrainCalls = Meter.CreateCounter<long>("airace.grain_calls", "{call}", "Grain calls made by worlds to step months");
    public static readonly Histogram<double> GrainCallsPerMonth = Meter.CreateHistogram<double>("airace.grain_calls_per_month", "{call}", "Grain calls per world-month");
    public static readonly Histogram<double> MemberMonthsPerSecond = Meter.CreateHistogram<double>("airace.member_months_per_second", "{member-month}/s", "Throughput of each Advance call");
}
