using AiRaceSim.Model.Gaps;

namespace AiRaceSim.Model.Tests;

/// <summary>Gaps/ survivors of Stryker, each case worked by hand from Sicherl's S = t − τ*.</summary>
public sealed class TimeDistanceMutantTests
{
    private static readonly double NegInf = double.NegativeInfinity;

    private static GapResult Behind(double[] leader, int t, double level, int hint = 0, PreStartHistory? before = null) =>
        TimeDistance.Behind(new MonthlySeries(leader), t, level, ref hint, before);

    [Fact]
    public void A_level_without_a_model_has_no_gap()
    {
        Assert.Equal(GapResult.Undefined, Behind([20, 21, 22], 2, NegInf));
        Assert.Equal(GapResult.Undefined, Behind([20, 21, 22], 2, double.NaN));
        // A follower without a value in month t: no gap, though the leader has one.
        Assert.Equal(GapResult.Undefined, TimeDistance.Gap([20, 21, 22], [19, 20, double.NaN], 2));
    }

    [Fact]
    public void A_flat_leader_reached_the_level_when_it_first_stood_there()
    {
        // Leader at 21 from month 0 to 2, 22 at 3; level 21 at t = 3: reached at month 0, S = 3 (not 1).
        Assert.Equal(new GapResult(3, GapFlag.Exact), Behind([21, 21, 21, 22], 3, 21));
    }

    [Fact]
    public void A_leader_without_a_model_before_the_crossing_month_crossed_at_that_month()
    {
        // −∞ at 0, 22 at 1: a level of 21.5 was reached at month 1 (no interpolation from −∞); t = 2: S = 1.
        Assert.Equal(new GapResult(1, GapFlag.Exact), Behind([NegInf, 22, 23], 2, 21.5));
    }

    [Fact]
    public void An_unknown_hint_below_zero_counts_from_the_start()
    {
        // 20 → 22 between months 0 and 1: 21 at τ = 0.5; t = 2: S = 1.5.
        Assert.Equal(new GapResult(1.5, GapFlag.Exact), Behind([20, 22, 23], 2, 21, hint: -1));
    }

    [Fact]
    public void A_flat_leader_above_the_level_from_the_start_gives_a_bound_not_an_extrapolation()
    {
        // No history before the start, no rise in the first 12 months: at least t months.
        Assert.Equal(new GapResult(5, GapFlag.AtLeast), Behind([25, 25, 25, 25, 25, 25], 5, 24));
    }

    [Fact]
    public void A_leader_flat_for_its_first_year_gives_a_bound_once_a_trend_could_be_measured()
    {
        // Past MinTrendMonths (6) the trend is the slope over months 0..min(12, t): flat, slope 0, so no extrapolation
        // (which would divide by 0): at least t months; t = 8 (over months 0..8) and t = 13 (over 0..12, a rise at 13).
        Assert.Equal(new GapResult(8, GapFlag.AtLeast), Behind([25, 25, 25, 25, 25, 25, 25, 25, 25], 8, 24));
        double[] year = [.. Enumerable.Repeat(25.0, 13), 26];
        Assert.Equal(new GapResult(13, GapFlag.AtLeast), Behind(year, 13, 24));
    }

    [Fact]
    public void In_the_first_month_a_level_below_the_leader_was_passed_before_the_start()
    {
        // t = 0, leader at 25, level 24: τ* lies before the series, so at least 0 months (not "never reached": at most 0).
        Assert.Equal(new GapResult(0, GapFlag.AtLeast), Behind([25, 26], 0, 24));
        // The same level at t = 0 with a dated history: reached at −12, 12 months.
        Assert.Equal(new GapResult(12, GapFlag.Exact), Behind([25, 26], 0, 24, before: new PreStartHistory([(-24, 20), (-12, 24)])));
    }

    [Fact]
    public void Before_the_start_a_pre_start_history_places_the_crossing()
    {
        var history = new PreStartHistory([(-24, 20), (-12, 22)]);
        double[] leader = [24, 24.5, 25];
        // At the first dated level: at least t + 24 months.
        Assert.Equal(new GapResult(2 + 24, GapFlag.AtLeast), Behind(leader, 2, 20, before: history));
        // At the second: reached at −12.
        Assert.Equal(new GapResult(2 + 12, GapFlag.Exact), Behind(leader, 2, 21, before: history));
        // At a dated level that is not the last: reached then, not at a later point (−12, not −6, in a longer history).
        Assert.Equal(new GapResult(2 + 12, GapFlag.Exact), Behind(leader, 2, 22, before: new PreStartHistory([(-24, 20), (-12, 22), (-6, 23)])));
        // Between the last dated level (22 at −12) and the first model month (24 at 0): τ = −12 + (23 − 22)/(24 − 22)·12 = −6.
        Assert.Equal(new GapResult(2 + 6, GapFlag.Exact), Behind(leader, 2, 23, before: history));
    }

    [Fact]
    public void Dated_series_are_measured_from_their_first_observation()
    {
        (double, double)[] leader = [(10, 22), (15, 25)];
        Assert.Equal(GapResult.Undefined, TimeDistance.BehindDated(leader, 10, NegInf));
        Assert.Equal(GapResult.Undefined, TimeDistance.BehindDated([], 10, 21));
        Assert.Equal(GapResult.Undefined, TimeDistance.BehindDated(leader, 9.5, 21));          // before the first observation
        Assert.Equal(new GapResult(0, GapFlag.AtLeast), TimeDistance.BehindDated(leader, 10, 21)); // at the first observation's month
        Assert.Equal(new GapResult(3, GapFlag.AtLeast), TimeDistance.BehindDated(leader, 13, 22)); // at its level exactly: a bound
        // An observation dated t itself counts: 25 at 15 reaches 24 at t = 15 (S = 0, exact).
        Assert.Equal(new GapResult(0, GapFlag.Exact), TimeDistance.BehindDated(leader, 15, 24));
        Assert.Equal(new GapResult(0, GapFlag.AtMost), TimeDistance.BehindDated(leader, 14, 24));
    }

    [Fact]
    public void A_date_outside_the_calendar_is_refused_with_its_range()
    {
        Assert.Contains("month must be 1..12", Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistance.MonthOf(2020, 13, 1)).Message);
        Assert.Contains("day must be 1..29", Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistance.MonthOf(2020, 2, 30)).Message);
        Assert.Equal(2020 * 12 + 11, TimeDistance.MonthOf(2020, 12, 1));
        Assert.Equal(2020 * 12 + 1 + 28 / 29.0, TimeDistance.MonthOf(2020, 2, 29));
    }
}
