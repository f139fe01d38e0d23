using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Calibration;

/// <summary>Which way a what-if should move a series: a gap that narrows goes down.</summary>
public enum LeverDirection { Narrows = -1, Widens = 1 }

/// <summary>
/// A lever direction (MODEL.md L1–L6): the what-if scenario, run on common random numbers with the
/// baseline, moves the series at month At the stated way, judged on the median of the paired
/// per-member differences and its 90 % bootstrap interval.
/// </summary>
public sealed record Lever
{
    public required string Id { get; init; }
    public required string What { get; init; }
    /// <summary>The what-if as written in the file, and resolved against the file's folder.</summary>
    public required string Scenario { get; init; }
    public required string ScenarioPath { get; init; }
    public required SeriesKey Series { get; init; }
    public required Month At { get; init; }
    public required LeverDirection Direction { get; init; }
    public int Line { get; init; } = 1;
    public int Column { get; init; } = 1;
}
