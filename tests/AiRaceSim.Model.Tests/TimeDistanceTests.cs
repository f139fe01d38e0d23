using AiRaceSim.Model.Gaps;
using CsCheck;

namespace AiRaceSim.Model.Tests;

public class TimeDistanceTests
{
    private static double Curve(double t) => 20 + 0.08 * t + 0.001 * t * t; // strictly increasing, not linear

    private static double[] Series(int n, Func<double, double> f) => Enumerable.Range(0, n).Select(i => f(i)).ToArray();

    [Fact]
    public void Identical_series_are_zero_months_apart_even_where_flat()
    {
        var a = new[] { 20.0, 20.5, 21, 21, 21, 22, 22.5 };
        for (int t = 0; t < a.Length; t++)
        {
            var g = TimeDistance.Gap(a, (double[])a.Clone(), t);
            Assert.Equal(0, g.Months);
            Assert.Equal(GapFlag.Exact, g.Flag);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(11)]
    public void A_series_shifted_by_whole_months_is_that_many_months_behind(int lag)
    {
        var leader = Series(60, Curve);
        var follower = Series(60, t => Curve(t - lag));
        for (int t = lag; t < 60; t++) Assert.Equal(lag, TimeDistance.Gap(leader, follower, t).Months, 9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.4)]
    [InlineData(7.75)]
    public void A_series_shifted_by_a_fraction_of_a_month_is_that_far_behind(double lag)
    {
        var leader = Series(60, Curve);
        // The follower is the leader's month-by-month linear interpolation, lag months later.
        double Interpolated(double s)
        {
            int k = (int)Math.Floor(s);
            return leader[k] + (s - k) * (leader[k + 1] - leader[k]);
        }
        var follower = Series(60, t => t >= lag ? Interpolated(t - lag) : Curve(t - lag));
        for (int t = (int)Math.Ceiling(lag); t < 59; t++) Assert.Equal(lag, TimeDistance.Gap(leader, follower, t).Months, 9);
    }

    [Fact]
    public void A_follower_that_leads_gets_a_negative_gap()
    {
        var leader = Series(40, Curve);
        var follower = Series(40, t => Curve(t + 3));
        for (int t = 5; t < 40; t++) Assert.Equal(-3, TimeDistance.Gap(leader, follower, t).Months, 9);
    }

    [Fact]
    public void Strictly_increasing_transforms_leave_whole_month_gaps_unchanged()
    {
        var leader = Series(50, Curve);
        var follower = Series(50, t => Curve(t - 6));
        Func<double, double>[] transforms = [Math.Exp, x => x * x * x, x => Math.Log(x - 10), x => 3 * x - 50];
        foreach (var g in transforms)
        {
            var l2 = leader.Select(g).ToArray();
            var f2 = follower.Select(g).ToArray();
            for (int t = 6; t < 50; t++) Assert.Equal(6, TimeDistance.Gap(l2, f2, t).Months, 7);
        }
    }

    [Fact]
    public void Any_strictly_increasing_transform_keeps_the_crossing_month_and_the_gap_within_a_month()
    {
        var walk = Gen.Double[0.01, 1.0].Array[30];
        Gen.Select(walk, walk, Gen.Int[0, 29]).Sample((up, down, t) =>
        {
            var leader = Cumulative(20, up);
            var follower = Cumulative(19, down);
            var a = TimeDistance.Gap(leader, follower, t);
            var b = TimeDistance.Gap(leader.Select(Math.Exp).ToArray(), follower.Select(Math.Exp).ToArray(), t);
            Assert.Equal(a.Flag, b.Flag);
            if (a.Flag == GapFlag.Exact)
            {
                Assert.Equal(Math.Sign(a.Months), Math.Sign(b.Months));
                Assert.Equal(Math.Ceiling(Math.Abs(a.Months) - 1e-9), Math.Ceiling(Math.Abs(b.Months) - 1e-9));
            }
        }, iter: 300, threads: 1);
    }

    private static double[] Cumulative(double start, double[] steps)
    {
        var s = new double[steps.Length];
        double v = start;
        for (int i = 0; i < steps.Length; i++) { v += steps[i]; s[i] = v; }
        return s;
    }

    [Fact]
    public void A_level_the_leader_never_reached_is_a_flagged_bound()
    {
        var leader = Series(10, Curve);
        int hint = 0;
        var g = TimeDistance.Behind(new MonthlySeries(leader), 9, 99, ref hint);
        Assert.Equal(GapFlag.AtMost, g.Flag);
        Assert.Equal(0, g.Months);
        var d = TimeDistance.BehindDated([(0, 20), (5, 22)], 9, 30);
        Assert.Equal(GapFlag.AtMost, d.Flag);
    }

    [Fact]
    public void Dated_series_use_step_levels_and_their_running_maximum()
    {
        (double, double)[] leader = [(0, 20), (5, 22), (9, 21), (14, 25)];
        Assert.Equal(new GapResult(7, GapFlag.Exact), TimeDistance.BehindDated(leader, 12, 22));   // reached at 5
        Assert.Equal(new GapResult(7, GapFlag.Exact), TimeDistance.BehindDated(leader, 12, 21.5)); // the dip at 9 does not count
        Assert.Equal(new GapResult(2, GapFlag.Exact), TimeDistance.BehindDated(leader, 16, 24));
        Assert.Equal(new GapResult(16, GapFlag.AtLeast), TimeDistance.BehindDated(leader, 16, 19)); // before the first date
        Assert.Equal(22, TimeDistance.LevelAt(leader, 12));

        (double, double)[] follower = [(1, 19), (8, 21.5), (15, 26)];
        Assert.Equal(new GapResult(3, GapFlag.Exact), TimeDistance.GapDated(leader, follower, 8));   // 21.5: the leader passed it at 5
        // At 16 the follower (26) leads the leader (25); the follower reached 25 at 15: one month ahead.
        Assert.Equal(new GapResult(-1, GapFlag.Exact), TimeDistance.GapDated(leader, follower, 16));
    }

    [Fact]
    public void A_dated_day_is_the_fraction_of_its_month_gone_by()
    {
        Assert.Equal(2023 * 12 + 0, TimeDistance.MonthOf(2023, 1, 1));
        Assert.Equal(2023 * 12 + 3 + 15 / 30.0, TimeDistance.MonthOf(2023, 4, 16));   // April: 30 days
        Assert.Equal(2024 * 12 + 1 + 28 / 29.0, TimeDistance.MonthOf(2024, 2, 29));   // leap February
        Assert.Equal(2023 * 12 + 1 + 27 / 28.0, TimeDistance.MonthOf(2023, 2, 28));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistance.MonthOf(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistance.MonthOf(2023, 13, 1));
    }

    [Fact]
    public void A_trend_of_fewer_than_six_months_gives_a_bound_not_an_extrapolation()
    {
        // The leader rose 0.001 in its first month: the old extrapolation put a level 1 below its start
        // 1 / 0.001 = 1,000 months back. Before month 6 the gap is only known to be at least t.
        var leader = Series(24, t => t == 0 ? 20 : 20.001 + 0.1 * (t - 1));
        var follower = Series(24, t => 19);
        for (int t = 1; t < TimeDistance.MinTrendMonths; t++)
        {
            int a = 0, b = 0;
            Assert.Equal(new GapResult(t, GapFlag.AtLeast),
                TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), t, ref a, ref b));
        }
        // From month 6 the slope over months 0..6 is (20.501 − 20) / 6 per month: 19 stood 1 / that before month 0.
        int c = 0, d = 0;
        var g = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 6, ref c, ref d);
        Assert.Equal(GapFlag.Extrapolated, g.Flag);
        Assert.Equal(6 + 6 / 0.501, g.Months, 9);
    }

    [Fact]
    public void Levels_before_the_start_come_from_dated_history_or_the_leader_trend()
    {
        var leader = Series(24, t => 20 + 0.1 * t);
        var follower = Series(24, t => 18 + 0.1 * t);
        int a = 0, b = 0;
        // No history: the leader's trend over its first 12 months (0.1 per month) puts 18 + 0.1·t at 20 months earlier.
        var g = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 15, ref a, ref b);
        Assert.Equal(GapFlag.Extrapolated, g.Flag);
        Assert.Equal(20, g.Months, 9);
        // With history: the leader stood at 19 from month −30 and at 19.6 from −12; the follower's 19.5
        // was first reached at −12, so at month 15 it is 27 months behind.
        a = 0; b = 0;
        var h = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 15, ref a, ref b,
            new PreStartHistory([(-30, 19), (-12, 19.6)]));
        Assert.Equal(new GapResult(27, GapFlag.Exact), h);
        // History below the level: linear from the last dated level (19 at −30) to the first month (20 at 0): 19.5 at −15.
        a = 0; b = 0;
        var lin = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 15, ref a, ref b, new PreStartHistory([(-30, 19)]));
        Assert.Equal(GapFlag.Exact, lin.Flag);
        Assert.Equal(30, lin.Months, 9);
    }
}
