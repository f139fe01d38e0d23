using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>The firms' gaps behind the world (G2), which the aggregator measures again only when a firm's level moves, and the pairs' gaps.</summary>
public class FirmGapTests
{
    [Fact]
    public void Every_months_firm_gaps_are_the_time_distances_measured_afresh()
    {
        // Each month's gap against the search as first written, on the world's history from month 0 with no hint:
        // the bits of an independent search, whether the aggregator reused last month's crossing or searched.
        var sim = new BlockSimulation(TestWorlds.WithPolicy(months: 60), 0, 9);
        var w = sim.World;
        int ti = 0, m = 0;
        // Every month of the world's frontiers as the run wrote them (the world lets go of the months no gap reads again).
        List<double[]> capabilityRows = [], computeRows = [];
        double Fresh(List<double[]> history, double level, ref int hint)
        {
            var series = Enumerable.Range(0, ti + 1).Select(k => history[k][m]).ToArray();
            int before = 0;
            return BehindAsFirstWritten(series, ti, level, ref hint)?.Months
                ?? TimeDistance.Behind(new MonthlySeries(series), ti, level, ref before).Months; // before the start: unchanged code
        }
        int measured = 0, unchanged = 0;
        var lastLevel = sim.Firms.Select(f => f.Capability.ToArray()).ToArray();
        for (ti = 0; ti < w.Months; ti++)
        {
            sim.Step();
            capabilityRows.Add(w.WorldFrontier.Read(ti).ToArray());
            computeRows.Add(w.WorldComputeFrontier.Read(ti).ToArray());
            foreach (var f in sim.Firms)
                for (m = 0; m < w.Members; m++)
                {
                    int capabilityHint = 0, computeHint = 0;
                    double capability = f.HasEntered ? Fresh(capabilityRows, f.Capability[m], ref capabilityHint) : double.NaN;
                    double compute = f.HasEntered ? Fresh(computeRows, f.LargestRunLogFlop[m], ref computeHint) : double.NaN;
                    Assert.Equal(BitConverter.DoubleToInt64Bits(capability), BitConverter.DoubleToInt64Bits(w.FirmGap[f.Index][m]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(compute), BitConverter.DoubleToInt64Bits(w.FirmComputeGap[f.Index][m]));
                    if (!double.IsNaN(capability)) measured++;
                    if (!double.IsNaN(capability) && f.Capability[m] == lastLevel[f.Index][m]) unchanged++;
                    lastLevel[f.Index][m] = f.Capability[m];
                }
        }
        // The reuse was exercised: many firm-months kept their level.
        Assert.True(measured > 1000 && unchanged > measured / 10, $"{measured} gaps measured, {unchanged} at an unchanged level");
    }

    [Fact]
    public void Every_months_pair_gaps_are_the_time_distances_measured_afresh()
    {
        // CN behind US (the perception's pair) and US behind CN (the
        // follower leading): each month's gaps against TimeDistance.Gap with no hints, the aggregator's searching from
        // where last month's ended.
        var spec = TestWorlds.WithPolicy(months: 60) with { GapPairs = [new GapPair("US", "CN")] };
        var sim = new BlockSimulation(spec, 0, 9);
        var w = sim.World;
        int compared = 0, standing = 0, leading = 0;
        var last = new double[w.Gaps.Pairs.Count, w.Members];
        // Every month of the countries' frontiers as the run wrote them (the world lets go of the months no gap reads again).
        int n = w.Members;
        var capability = w.CountryFrontier.Select(_ => new double[w.Months * n]).ToArray();
        var compute = w.CountryFrontier.Select(_ => new double[w.Months * n]).ToArray();
        for (int ti = 0; ti < w.Months; ti++)
        {
            sim.Step();
            for (int c = 0; c < capability.Length; c++)
            {
                w.CountryFrontier[c].Read(ti).CopyTo(capability[c].AsSpan(ti * n));
                w.CountryComputeFrontier[c].Read(ti).CopyTo(compute[c].AsSpan(ti * n));
            }
            for (int p = 0; p < w.Gaps.Pairs.Count; p++)
            {
                int follower = spec.CountryIndex(w.Gaps.Pairs[p].Of), leader = spec.CountryIndex(w.Gaps.Pairs[p].Behind);
                for (int m = 0; m < w.Members; m++)
                {
                    int a = 0, b = 0, c = 0, d = 0;
                    var k = TimeDistance.Gap(new MonthlySeries(capability[leader], m, n), new MonthlySeries(capability[follower], m, n), ti, ref a, ref b,
                        w.CountryHistory[leader], w.CountryHistory[follower]);
                    var x = TimeDistance.Gap(new MonthlySeries(compute[leader], m, n), new MonthlySeries(compute[follower], m, n), ti, ref c, ref d);
                    Assert.Equal((BitConverter.DoubleToInt64Bits(k.Months), k.Flag), (BitConverter.DoubleToInt64Bits(w.Gaps.Capability[p][m]), w.CapabilityGapFlag[p][m]));
                    Assert.Equal((BitConverter.DoubleToInt64Bits(x.Months), x.Flag), (BitConverter.DoubleToInt64Bits(w.Gaps.Compute[p][m]), w.ComputeGapFlag[p][m]));
                    compared++;
                    double level = w.CountryComputeSeries(follower, m)[ti];
                    if (level < w.CountryComputeSeries(leader, m)[ti] && level == last[p, m]) standing++;
                    if (x.Months < 0) leading++;
                    last[p, m] = level;
                }
            }
        }
        // Both sides occurred, and hints were carried over months where the level behind stood still.
        Assert.True(standing > compared / 10 && leading > 0, $"{compared} pair-months, {standing} at a trailing level that stood still, {leading} with the follower leading");
    }

    [Fact]
    public void A_crossing_is_the_interpolated_month_the_leader_first_reached_the_level()
    {
        // Leader 0, 1, 3, 3.5: level 2 is crossed halfway from month 1 to 2, level 0 at month 0;
        // level 5 is not reached by month 3 (hint past t); level −1 was passed before month 0 (hint 0).
        var leader = new MonthlySeries([0, 1, 3, 3.5]);
        int hint = 0;
        Assert.True(TimeDistance.TryCrossing(leader, 3, 2, ref hint, out double tau));
        Assert.Equal((1.5, 2), (tau, hint));
        hint = 0;
        Assert.True(TimeDistance.TryCrossing(leader, 3, 0, ref hint, out tau));
        Assert.Equal(0, tau);
        hint = 0;
        Assert.False(TimeDistance.TryCrossing(leader, 3, 5, ref hint, out _));
        Assert.Equal(4, hint);
        hint = 0;
        Assert.False(TimeDistance.TryCrossing(leader, 3, -1, ref hint, out _));
        Assert.Equal(0, hint);
        Assert.Equal(new GapResult(3 - 1.5, GapFlag.Exact), TimeDistance.Behind(leader, 3, 2, ref hint));
    }

    [Fact]
    public void Behind_gives_what_the_search_gave_before_it_was_split_for_any_series()
    {
        // Series with NaN and infinities beside the crossing, where an interpolation gives NaN: still Exact, as before.
        double nan = double.NaN, inf = double.PositiveInfinity, ninf = double.NegativeInfinity;
        double[][] series = [[ninf, ninf, 1, 2], [nan, 2, 3, 4], [0, nan, 3, 4], [0, 1, inf, inf], [1, 1, 1, 1], [ninf, 0, 0, 5], [2, 3, 4, 5]];
        double[] levels = [nan, ninf, -1, 0, 0.5, 1, 1.5, 2, 3, 4, 5, inf];
        foreach (var data in series)
            foreach (double level in levels)
                for (int t = 0; t < data.Length; t++)
                    for (int start = 0; start <= t; start++)
                    {
                        int hint = start, reference = start;
                        var got = TimeDistance.Behind(new MonthlySeries(data), t, level, ref hint);
                        var expected = BehindAsFirstWritten(data, t, level, ref reference);
                        Assert.True(expected is null || expected == got, $"[{string.Join(", ", data)}] level {level} t {t} hint {start}: {got}, expected {expected}");
                        if (expected is not null) Assert.Equal(reference, hint);
                    }
    }

    /// <summary>
    /// Behind's search as written before TryCrossing was split out of it (5af74a4), for series within the model's start
    /// (null where it went on to the extrapolation before the start, which is unchanged).
    /// </summary>
    private static GapResult? BehindAsFirstWritten(double[] leader, int t, double level, ref int hint)
    {
        if (double.IsNaN(level) || double.IsNegativeInfinity(level)) return GapResult.Undefined;
        int k = Math.Max(hint, 0);
        while (k <= t && !(leader[k] >= level)) k++;
        hint = k;
        if (k > t) return new GapResult(0, GapFlag.AtMost);
        if (k > 0)
        {
            double lo = leader[k - 1], hi = leader[k];
            double tau = double.IsNegativeInfinity(lo) ? k : k - 1 + (level - lo) / (hi - lo);
            return new GapResult(t - tau, GapFlag.Exact);
        }
        if (leader[0] == level) return new GapResult(t, GapFlag.Exact);
        return null;
    }
}
