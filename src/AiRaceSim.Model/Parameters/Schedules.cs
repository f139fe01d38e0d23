using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Parameters;

/// <summary>A value that changes at dates: the last step dated at or before a month applies (the first before all).</summary>
public sealed record StepSchedule
{
    public StepSchedule(IReadOnlyList<(Month From, double Value)> steps) => Steps = steps;

    public static StepSchedule Constant(double value) => new([(new Month(0), value)]);

    // Held as an array: At runs for every firm and month, and indexing a list went through its interface.
    private readonly (Month From, double Value)[] _steps = [];

    public IReadOnlyList<(Month From, double Value)> Steps { get => _steps; init => _steps = [.. value]; }

    public double At(Month t)
    {
        var steps = _steps;
        double v = steps[0].Value;
        for (int i = 1; i < steps.Length && steps[i].From <= t; i++) v = steps[i].Value;
        return v;
    }
}

/// <summary>
/// Funding_i(t) of C2: a level (M$ per month) at a reference date and yearly growth factors
/// that change at dates (segment k applies from its date until the next; the first also before).
/// v2: the last growth rate, which has no end date, may fade towards <see cref="Fade"/>.
/// </summary>
public sealed record FundingSchedule(Distribution Level, Month At, IReadOnlyList<(Month From, Distribution GrowthPerYear)> Growth)
{
    /// <summary>Where the open-ended last growth rate tends (g_∞) and its half-life in months; null: it never fades.</summary>
    public GrowthFade? Fade { get; init; }

    public static FundingSchedule Flat(double musdPerMonth, Month at) => new(new Fixed(musdPerMonth), at, [(at, new Fixed(1.0))]);

    public int SegmentAt(Month t)
    {
        int k = 0;
        for (int i = 1; i < Growth.Count && Growth[i].From <= t; i++) k = i;
        return k;
    }
}

/// <summary>
/// C2 (v2): the last growth rate fades towards g_∞ with a half-life h_g, in logs:
/// <c>ln g(t) = ln g_∞ + (ln g − ln g_∞)·2^(−(t − t_last)/h_g)</c> for months t at or after the
/// last segment's start t_last (so a 3×/yr lab slows instead of exploding).
/// </summary>
public sealed record GrowthFade
{
    public GrowthFade(double toPerYear, double halfLifeMonths) => (ToPerYear, HalfLifeMonths) = (toPerYear, halfLifeMonths);

    private readonly double _logTo; // ln g_∞ per month, kept with g_∞ (a `with` sets both)

    public double ToPerYear { get; init { field = value; _logTo = Math.Log(value) / 12.0; } }

    public double HalfLifeMonths { get; init; }

    /// <summary>2^(−(t − t_last)/h_g): the same for every member, so computed once a month.</summary>
    public double Weight(int monthsSinceStart) => Math.Pow(2, -monthsSinceStart / HalfLifeMonths);

    /// <summary>ln g(t) given this month's <see cref="Weight"/>.</summary>
    public double Weighted(double logPerMonth, double weight) => _logTo + (logPerMonth - _logTo) * weight;

    public double LogPerMonth(double logPerMonth, int monthsSinceStart) => Weighted(logPerMonth, Weight(monthsSinceStart));
}

/// <summary>Funding schedules drawn for the members of a block: level and per-segment monthly log-growth.</summary>
public sealed class FundingDraws
{
    private readonly FundingSchedule _schedule;
    private readonly double[] _level;
    private readonly double[][] _logGrowthPerMonth; // [segment][member], natural log
    private readonly double[][] _growthPerMonth;    // [segment][member], the factor itself
    private readonly double[] _faded;               // this month's factors of a fading last segment (reused)

    /// <param name="path">The schedule's scenario path (for the draw log): <c>firms.ID.funding</c>.</param>
    public FundingDraws(FundingSchedule schedule, MemberDraws d, int actor, int firstSlot, string? path = null)
    {
        _schedule = schedule;
        _level = d.Draw(schedule.Level, actor, firstSlot, path is null ? null : path + ".musd_per_month");
        _logGrowthPerMonth = new double[schedule.Growth.Count][];
        for (int k = 0; k < schedule.Growth.Count; k++)
        {
            // A schedule of growth rates names each segment by the month it starts.
            string? growth = path is null ? null
                : schedule.Growth.Count == 1 ? path + ".growth_per_year" : $"{path}.growth_per_year.{schedule.Growth[k].From}";
            var g = d.Draw(schedule.Growth[k].GrowthPerYear, actor, firstSlot + 1 + k, growth);
            for (int m = 0; m < g.Length; m++)
            {
                if (g[m] <= 0) throw new ArgumentException($"funding growth per year must be > 0, got {g[m]}");
                g[m] = Math.Log(g[m]) / 12.0;
            }
            _logGrowthPerMonth[k] = g;
        }
        _growthPerMonth = _logGrowthPerMonth.Select(g => g.Select(Math.Exp).ToArray()).ToArray();
        _faded = new double[_level.Length];
    }

    /// <summary>ln of the growth factor from month s to s+1 for member m, the fade applied in the last segment.</summary>
    private double LogGrowth(Month s, int m)
    {
        int k = _schedule.SegmentAt(s);
        double log = _logGrowthPerMonth[k][m];
        var from = _schedule.Growth[k].From;
        return _schedule.Fade is { } fade && k == _schedule.Growth.Count - 1 && s >= from ? fade.LogPerMonth(log, s - from) : log;
    }

    /// <summary>Funding in month t for each member: the level carried from the reference date along the segments.</summary>
    public void LevelAt(Month t, Span<double> into)
    {
        for (int m = 0; m < into.Length; m++)
        {
            double log = 0;
            if (t > _schedule.At)
                for (var s = _schedule.At; s < t; s += 1) log += LogGrowth(s, m);
            else
                for (var s = t; s < _schedule.At; s += 1) log -= LogGrowth(s, m);
            into[m] = _level[m] * Math.Exp(log);
        }
    }

    /// <summary>The growth factor that carries funding from month t to t+1 (a buffer reused the next month when fading).</summary>
    public double[] MonthlyFactors(Month t)
    {
        int k = _schedule.SegmentAt(t);
        // No pattern variable in the condition: a mutated condition must still compile (Stryker's schemata).
        var fade = _schedule.Fade;
        if (fade is null || k != _schedule.Growth.Count - 1 || t < _schedule.Growth[k].From) return _growthPerMonth[k];
        double weight = fade.Weight(t - _schedule.Growth[k].From);
        var log = _logGrowthPerMonth[k];
        for (int m = 0; m < _faded.Length; m++) _faded[m] = Math.Exp(fade.Weighted(log[m], weight));
        return _faded;
    }
}

/// <summary>
/// GDP_c(t) (v2): a yearly level in T$ at a date, carried by a yearly growth factor before and
/// after it. Deterministic: what is uncertain is the share of it AI can take (s_c), not GDP.
/// </summary>
public sealed record GdpSeries(double TusdPerYear, Month At, double GrowthPerYear)
{
    /// <summary>GDP in M$ per month at t (1 T$/yr = 1e6/12 M$ per month).</summary>
    public double MusdPerMonth(Month t) => TusdPerYear * 1e6 / 12 * Math.Pow(GrowthPerYear, (t - At) / 12.0);
}
