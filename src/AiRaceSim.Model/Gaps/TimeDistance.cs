using System.Runtime.CompilerServices;

namespace AiRaceSim.Model.Gaps;

/// <summary>How far a reported gap can be trusted.</summary>
public enum GapFlag : byte
{
    /// <summary>Measured on the series (linear within months, or on dated steps).</summary>
    Exact = 0,
    /// <summary>The level was reached before the series starts; taken from the leader's trend.</summary>
    Extrapolated = 1,
    /// <summary>A bound: the true gap is at least this many months.</summary>
    AtLeast = 2,
    /// <summary>A bound: the true gap is at most this many months (the leader never reached the level).</summary>
    AtMost = 3,
    /// <summary>No gap: a side has no level yet.</summary>
    Undefined = 4,
}

public readonly record struct GapResult(double Months, GapFlag Flag)
{
    public static readonly GapResult Undefined = new(double.NaN, GapFlag.Undefined);

    /// <summary>The same distance seen from the other side: bounds swap direction.</summary>
    public GapResult Negate() => new(-Months, Flag switch
    {
        GapFlag.AtLeast => GapFlag.AtMost,
        GapFlag.AtMost => GapFlag.AtLeast,
        _ => Flag,
    });
}

/// <summary>
/// A monthly series: element k at <c>data[Offset + k·Stride]</c> of one array, or, in a history kept in chunks of
/// 2^shift months (<see cref="State.MemberHistory"/>), at <c>[Offset + (k mod 2^shift)·Stride]</c> of chunk k / 2^shift.
/// </summary>
public readonly struct MonthlySeries
{
    private readonly double[]?[] _chunks;
    private readonly int _offset, _stride, _shift, _mask;

    public MonthlySeries(double[] data, int offset = 0, int stride = 1) : this([data], offset, stride, 31) { }

    internal MonthlySeries(double[]?[] chunks, int offset, int stride, int shift)
    {
        (_chunks, _offset, _stride, _shift) = (chunks, offset, stride, shift);
        _mask = (int)((1u << shift) - 1);
    }

    // Inlined: the gaps read a few months of each of ~50 series per member and month, and a call each was 1.4 % of a large run.
    // A chunk let go is null: reading it throws rather than giving a value.
    public double this[int k]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _chunks[k >> _shift]![_offset + (k & _mask) * _stride];
    }
}

/// <summary>
/// Sicherl's time distance (G2): the gap of a follower behind a leader at t is S = t − τ*,
/// τ* = min{τ : L(τ) ≥ level}. Works on monthly model series (linear interpolation between
/// months) and on irregular dated series (step levels, running maximum). A negative value means
/// the follower leads, and 0 when both stand at the same level (flat stretches of two equal
/// frontiers are no gap). Only order comparisons pick the crossing month, so a strictly
/// increasing transform of the level leaves that month unchanged (and the whole value, on dated
/// series or where levels meet at whole months).
/// </summary>
public static class TimeDistance
{
    /// <summary>
    /// S = t − τ* for a level against the leader's months 0..t. <paramref name="hint"/> is a month
    /// before which the leader is known to stay below the level (0 if unknown); it is advanced,
    /// so a caller whose levels never fall (frontiers) finds each crossing in O(1) amortised.
    /// </summary>
    public static GapResult Behind(in MonthlySeries leader, int t, double level, ref int hint, PreStartHistory? before = null)
    {
        if (double.IsNaN(level) || double.IsNegativeInfinity(level)) return GapResult.Undefined;
        if (TryCrossing(leader, t, level, ref hint, out double tau)) return new GapResult(t - tau, GapFlag.Exact);
        if (hint > t) return new GapResult(0, GapFlag.AtMost); // never reached: τ* > t, so S < 0
        return BeforeStart(leader, t, level, before);
    }

    /// <summary>
    /// τ* for a level among the leader's months 0..t (linear between months); false where it is not among them:
    /// not reached by t (<paramref name="hint"/> is then past t), or passed before month 0. Months before t are
    /// never rewritten, so while the level stands still τ* stays where it was found.
    /// </summary>
    public static bool TryCrossing(in MonthlySeries leader, int t, double level, ref int hint, out double tau)
    {
        int k = Math.Max(hint, 0);
        while (k <= t && !(leader[k] >= level)) k++;
        hint = k;
        tau = k;
        if (k > t) return false;
        if (k > 0)
        {
            double lo = leader[k - 1], hi = leader[k];
            if (!double.IsNegativeInfinity(lo)) tau = k - 1 + (level - lo) / (hi - lo);
            return true;
        }
        return leader[0] == level;
    }

    /// <summary>
    /// The gap of follower behind leader at t: positive when the follower trails, negative (the
    /// leader's distance behind the follower) when it leads.
    /// </summary>
    public static GapResult Gap(in MonthlySeries leader, in MonthlySeries follower, int t, ref int leaderHint, ref int followerHint,
        PreStartHistory? leaderBefore = null, PreStartHistory? followerBefore = null)
    {
        double x = follower[t], y = leader[t];
        if (double.IsNaN(x) || double.IsNaN(y) || double.IsNegativeInfinity(x) || double.IsNegativeInfinity(y)) return GapResult.Undefined;
        if (x == y) return new GapResult(0, GapFlag.Exact); // level with each other: neither is behind
        if (x < y) return Behind(leader, t, x, ref leaderHint, leaderBefore);
        return Behind(follower, t, y, ref followerHint, followerBefore).Negate();
    }

    /// <summary>
    /// Moves both hints of a pair up to where each side first reached the other's level at t (past t if it has not);
    /// <see cref="Gap(in MonthlySeries, in MonthlySeries, int, ref int, ref int, PreStartHistory?, PreStartHistory?)"/>
    /// moves only the side it searches. No gap changes (a hint only says where a search may start); the months before
    /// both are then let go (docs/ARCHITECTURE.md, "What stays in memory of a history").
    /// </summary>
    public static void AdvanceHints(in MonthlySeries leader, in MonthlySeries follower, int t, ref int leaderHint, ref int followerHint)
    {
        double x = follower[t], y = leader[t];
        if (double.IsNaN(x) || double.IsNaN(y) || double.IsNegativeInfinity(x) || double.IsNegativeInfinity(y)) return;
        TryCrossing(leader, t, x, ref leaderHint, out _);
        TryCrossing(follower, t, y, ref followerHint, out _);
    }

    /// <summary>Convenience for whole arrays (tests, analysis of recorded series).</summary>
    public static GapResult Gap(double[] leader, double[] follower, int t)
    {
        int a = 0, b = 0;
        return Gap(new MonthlySeries(leader), new MonthlySeries(follower), t, ref a, ref b);
    }

    /// <summary>
    /// The month of a dated observation on the monthly axis: the whole month plus the fraction
    /// (day − 1) / days in that month, so the 1st is the month itself and the 16th of a 30-day
    /// month is half a month later. Dated series use it to share one axis with monthly ones.
    /// </summary>
    public static double MonthOf(int year, int month, int day)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        int days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days) throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be 1..{days}");
        return year * 12 + (month - 1) + (day - 1) / (double)days;
    }

    /// <summary>S for a level on a dated series: step levels from each date, running maximum.</summary>
    public static GapResult BehindDated(IReadOnlyList<(double Month, double Level)> leader, double t, double level)
    {
        if (double.IsNaN(level) || double.IsNegativeInfinity(level) || leader.Count == 0) return GapResult.Undefined;
        if (leader[0].Month > t) return GapResult.Undefined;
        if (level <= leader[0].Level) return new GapResult(t - leader[0].Month, GapFlag.AtLeast);
        double runMax = double.NegativeInfinity;
        foreach (var (month, value) in leader)
        {
            if (month > t) break;
            runMax = Math.Max(runMax, value);
            if (runMax >= level) return new GapResult(t - month, GapFlag.Exact);
        }
        return new GapResult(0, GapFlag.AtMost);
    }

    /// <summary>The gap between two dated series at t (each level the running maximum of observations up to t).</summary>
    public static GapResult GapDated(IReadOnlyList<(double Month, double Level)> leader, IReadOnlyList<(double Month, double Level)> follower, double t)
    {
        double x = LevelAt(follower, t), y = LevelAt(leader, t);
        if (double.IsNegativeInfinity(x) || double.IsNegativeInfinity(y)) return GapResult.Undefined;
        if (x == y) return new GapResult(0, GapFlag.Exact);
        return x < y ? BehindDated(leader, t, x) : BehindDated(follower, t, y).Negate();
    }

    /// <summary>The running maximum of the observations dated at or before t (−∞ before the first).</summary>
    public static double LevelAt(IReadOnlyList<(double Month, double Level)> series, double t)
    {
        double level = double.NegativeInfinity;
        foreach (var (month, value) in series)
        {
            if (month > t) break;
            level = Math.Max(level, value);
        }
        return level;
    }

    /// <summary>Months of the leader's own series needed before its trend extrapolates a level back before the start.</summary>
    public const int MinTrendMonths = 6;

    private static GapResult BeforeStart(in MonthlySeries leader, int t, double level, PreStartHistory? before)
    {
        if (before is { Points.Count: > 0 } h)
        {
            if (level <= h.Points[0].Level) return new GapResult(t - h.Points[0].Month, GapFlag.AtLeast);
            double runMax = double.NegativeInfinity, lastMonth = h.Points[0].Month;
            foreach (var (month, value) in h.Points)
            {
                runMax = Math.Max(runMax, value);
                lastMonth = month;
                if (runMax >= level) return new GapResult(t - month, GapFlag.Exact);
            }
            // Between the last dated level and the first model month: linear.
            double tau = lastMonth + (level - runMax) / (leader[0] - runMax) * (0 - lastMonth);
            return new GapResult(t - tau, GapFlag.Exact);
        }
        // A trend needs months to measure: over its first few months a frontier that has barely moved
        // gives a slope near 0, and dividing by it put the gap thousands of months back.
        if (t < MinTrendMonths) return new GapResult(t, GapFlag.AtLeast);
        int span = Math.Min(12, t);
        double slope = (leader[span] - leader[0]) / span;
        if (!(slope > 0)) return new GapResult(t, GapFlag.AtLeast);
        return new GapResult(t - (level - leader[0]) / slope, GapFlag.Extrapolated);
    }
}

/// <summary>A leader's dated levels before the series starts, months relative to the series start (≤ 0), ascending.</summary>
public sealed record PreStartHistory(IReadOnlyList<(double Month, double Level)> Points);
