using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Calibration;

/// <summary>A plausibility bound (MODEL.md B1–B4): where no target looks, the baseline must still be believable.</summary>
public abstract record Bound
{
    public required string Id { get; init; }
    public required string What { get; init; }
    public required string Source { get; init; }
    /// <summary>Where the bound's entry starts in its file, for messages that point at it.</summary>
    public int Line { get; init; } = 1;
    public int Column { get; init; } = 1;
}

/// <summary>
/// "The max of metric M, for each of the entities E, over [From, To], never exceeds AtMost", read
/// on the median member's series (the median over members, month by month). The entity
/// <c>countries</c> stands for every country of the scenario.
/// </summary>
public sealed record MaxBound : Bound
{
    public const string EveryCountry = "countries";

    public required string Metric { get; init; }
    public required IReadOnlyList<string> Entities { get; init; }
    public Month? From { get; init; }
    public Month? To { get; init; }
    public required double AtMost { get; init; }
}

/// <summary>A month in which a <see cref="StepBound"/> may move further, and the dated event that explains it.</summary>
public sealed record StepException(Month Month, string Event, string Cause);

/// <summary>
/// "The median member's series moves by at most AtMost from one month to the next, from From to To,
/// except in the listed months (at most MostExceptions of them, each at a named event of the
/// scenario), and never by more than NeverAbove". The step of month t is |x(t) − x(t−1)| for
/// From &lt; t ≤ To.
/// </summary>
public sealed record StepBound : Bound
{
    public required SeriesKey Series { get; init; }
    public required Month From { get; init; }
    public Month? To { get; init; }
    public required double AtMost { get; init; }
    public required double NeverAbove { get; init; }
    public required int MostExceptions { get; init; }
    public IReadOnlyList<StepException> Exceptions { get; init; } = [];
}

/// <summary>"No threshold rule fires before the scenario's now", in any member.</summary>
public sealed record RuleFiringBound : Bound;

/// <summary>A bound's outcome: pass or fail, and what was found (the worst value and where, or why it could not be checked).</summary>
public sealed record BoundResult(Bound Bound, bool Passed, string Finding);
