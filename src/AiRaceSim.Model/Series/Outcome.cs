using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Series;

/// <summary>How an outcome reduces one member's series to one value.</summary>
public enum OutcomeKind : byte
{
    /// <summary>The value in a month.</summary>
    At,
    /// <summary>The first month the value is below a threshold, or never.</summary>
    FirstBelow,
    /// <summary>The first month the value is above a threshold, or never.</summary>
    FirstAbove,
    /// <summary>The largest value from a month on.</summary>
    MaxFrom,
    /// <summary>The smallest value from a month on.</summary>
    MinFrom,
}

/// <summary>
/// A per-member scalar of outcomes.csv (scenario <c>outcomes:</c>): one series reduced by its kind,
/// with its month (At, MaxFrom, MinFrom) or threshold (FirstBelow, FirstAbove). Months without a
/// value (NaN) are skipped: a first month is the first month with a value past the threshold.
/// </summary>
public sealed record Outcome(string Name, SeriesKey Series, OutcomeKind Kind, Month Month = default, double Threshold = 0)
{
    /// <summary>Whether the outcome is a month (written yyyy-MM or 'never') rather than a value.</summary>
    public bool IsMonth => Kind is OutcomeKind.FirstBelow or OutcomeKind.FirstAbove;
}
