using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Frontier histories kept in chunks of 16 months (<see cref="MemberHistory"/>) and let go behind every gap's search
/// (<see cref="HistoryFloors"/>, <see cref="TimeDistance.AdvanceHints"/>).
/// </summary>
public class MemberHistoryTests
{
    [Fact]
    public void A_chunk_is_made_at_minus_infinity_when_first_written_and_a_month_let_go_cannot_be_read()
    {
        var h = new MemberHistory(months: 80, members: 2);
        Assert.False(h.Holds(0));
        var first = h.Write(0);
        (first[0], first[1]) = (1, 2);
        Assert.Equal(2, h[0, 1]);
        Assert.Equal(double.NegativeInfinity, h[15, 0]); // the rest of the chunk made with month 0
        Assert.Equal(1, h.Series(0)[0]);
        Assert.False(h.Holds(16));
        Assert.Contains("month 16 of a history has not been written yet", Assert.Throws<InvalidOperationException>(() => h[16, 0]).Message);
        h.Write(17)[1] = 7; // member 1 of month 17: element 2·1 + 1 of chunk 1
        Assert.True(h.Holds(16) && h.Holds(31) && !h.Holds(32));
        Assert.Equal(double.NegativeInfinity, h[16, 1]);

        h.Write(40)[0] = 5; // chunk 2 (months 32–47)
        h.ForgetBefore(40); // chunks wholly before month 40's: chunk 1, but never chunk 0
        Assert.True(h.Holds(0) && !h.Holds(17) && h.Holds(32));
        Assert.Equal(3, h.ChunksHeld); // chunks 0 and 2, and chunk 1's array kept as the spare
        Assert.Contains("month 17 of a history was let go", Assert.Throws<InvalidOperationException>(() => h[17, 1]).Message);
        Assert.Throws<NullReferenceException>(() => h.Series(1)[17]);

        // The chunk let go is made again as month 48's (49 falls where 17 was): at −∞, not what it held.
        h.Write(48)[0] = 6;
        Assert.Equal(double.NegativeInfinity, h[49, 1]);
        Assert.Equal((5.0, 6.0), (h[40, 0], h[48, 0]));
        Assert.Equal(3, h.ChunksHeld); // the spare was taken: chunks 0, 2 and 3
        h.Write(64)[0] = 8; // a chunk of its own, not the spare taken for chunk 3 again
        Assert.Equal((6.0, 8.0), (h[48, 0], h[64, 0]));
        // Months are written once, in order.
        Assert.Contains("month 45 of a history is written already", Assert.Throws<InvalidOperationException>(() => h.Write(45)).Message);
        h.ForgetBefore(47); // nothing but chunk 1, already gone, is wholly before chunk 2
        Assert.Equal(4, h.ChunksHeld);
        h.ForgetBefore(64); // chunks 2 and 3 let go: one kept as the spare
        Assert.Equal(3, h.ChunksHeld);
    }

    [Fact]
    public void Advancing_a_pair_s_hints_brings_each_side_to_where_it_first_reached_the_other_and_changes_no_gap()
    {
        double[] leader = [1, 2, 3, 4, 5, 6], follower = [0, 0.5, 1.5, 2.5, 2.5, 3.5];
        int a = 0, b = 0;
        TimeDistance.AdvanceHints(new MonthlySeries(leader), new MonthlySeries(follower), 5, ref a, ref b);
        // The leader first reached the follower's 3.5 in month 3 (4 ≥ 3.5); the follower never reached the leader's 6.
        Assert.Equal((3, 6), (a, b));
        int c = a, d = b, e = 0, f = 0;
        var hinted = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 5, ref c, ref d);
        var afresh = TimeDistance.Gap(new MonthlySeries(leader), new MonthlySeries(follower), 5, ref e, ref f);
        Assert.Equal(afresh, hinted);
        Assert.Equal(5 - 2.5, hinted.Months, 12); // τ* = 2 + (3.5 − 3)/(4 − 3)
        // A side with no level yet (−∞) or none at all (NaN) moves neither hint: a search for either would run past t.
        foreach (double none in new[] { double.NegativeInfinity, double.NaN })
        {
            int g = 1, k = 1;
            TimeDistance.AdvanceHints(new MonthlySeries(leader), new MonthlySeries([none, none]), 1, ref g, ref k);
            Assert.Equal((1, 1), (g, k));
            TimeDistance.AdvanceHints(new MonthlySeries([none, none]), new MonthlySeries(leader), 1, ref g, ref k);
            Assert.Equal((1, 1), (g, k));
        }
    }

    [Fact]
    public void A_world_holds_of_each_frontier_the_first_chunk_and_the_months_from_where_its_readers_first_reached_their_level()
    {
        // US behind CN as well as CN behind US (the perception's pair), so either side may lead; 96 months, six chunks.
        var spec = TestWorlds.WithPolicy(months: 96) with { GapPairs = [new GapPair("CN", "US"), new GapPair("US", "CN")] };
        var w = HeldAgainstCrossings(spec);
        Assert.True(LetGo(w) >= 6, $"{LetGo(w)} chunks let go of 36"); // the test is about something: histories did shrink
    }

    [Fact]
    public void A_country_in_no_pair_keeps_only_its_first_chunk_and_its_current_one()
    {
        // EU is in no pair (its firm does count for the world), while US and CN are in two, each side of both far back
        // in the other's history; every firm runs from the start, so the world's compute is let go too.
        var us = TestWorlds.UsCn(months: 96);
        var spec = us with
        {
            Countries = [.. us.Countries, TestWorlds.Country("EU")],
            Firms = [.. us.Firms, TestWorlds.Firm("eu-lab", "EU", 40)],
            GapPairs = [new GapPair("CN", "US"), new GapPair("US", "CN")],
        };
        var w = HeldAgainstCrossings(spec);
        var eu = spec.CountryIndex("EU");
        // Months 0–15 and 80–95, the current chunk (besides a spare array).
        Assert.Equal(32, Enumerable.Range(0, w.Months).Count(w.CountryFrontier[eu].Holds));
        Assert.Equal(32, Enumerable.Range(0, w.Months).Count(w.CountryComputeFrontier[eu].Holds));
        Assert.True(w.WorldComputeFrontier.ChunksHeld < 6, $"the world's compute holds {w.WorldComputeFrontier.ChunksHeld} chunks of 6");
    }

    private static int LetGo(WorldState w) =>
        w.Histories.Sum(h => 6 - h.ChunksHeld);

    /// <summary>
    /// Runs a world of 96 months and checks, for every history, that it holds exactly the first chunk and the chunks from
    /// its floor on: the least over its readers and members of the first month the history reached the reader's level
    /// (found afresh on every month as the run wrote it), less one. Readers: the measured pairs' other side, and the firms.
    /// </summary>
    private static WorldState HeldAgainstCrossings(WorldSpec spec)
    {
        const int n = 4;
        var sim = new BlockSimulation(spec, 0, n);
        var w = sim.World;
        int countries = spec.Countries.Count, months = w.Months, last = months - 1;
        var capability = new double[countries][];
        var compute = new double[countries][];
        for (int c = 0; c < countries; c++) (capability[c], compute[c]) = (new double[months * n], new double[months * n]);
        var world = new double[months * n];
        var worldCompute = new double[months * n];
        for (int ti = 0; ti < months; ti++)
        {
            sim.Step();
            for (int c = 0; c < countries; c++)
            {
                w.CountryFrontier[c].Read(ti).CopyTo(capability[c].AsSpan(ti * n));
                w.CountryComputeFrontier[c].Read(ti).CopyTo(compute[c].AsSpan(ti * n));
            }
            w.WorldFrontier.Read(ti).CopyTo(world.AsSpan(ti * n));
            w.WorldComputeFrontier.Read(ti).CopyTo(worldCompute.AsSpan(ti * n));
        }
        // The first month a member's series reached a level, past the last if never: a reader reads from the month before it.
        int Crossing(double[] series, int m, double level)
        {
            int k = 0;
            while (k < months && !(series[k * n + m] >= level)) k++;
            return k;
        }
        var pairs = WorldState.MeasuredPairs(spec).Select(p => (Of: spec.CountryIndex(p.Of), Behind: spec.CountryIndex(p.Behind))).ToList();
        int FloorOfCountry(double[][] series, int c)
        {
            int floor = last;
            foreach (var (of, behind) in pairs)
                for (int m = 0; m < n; m++)
                {
                    if (behind == c) floor = Math.Min(floor, Crossing(series[c], m, series[of][last * n + m]) - 1);
                    if (of == c && behind != c) floor = Math.Min(floor, Crossing(series[c], m, series[behind][last * n + m]) - 1);
                }
            return floor;
        }
        int FloorOfWorld(double[] series, Func<FirmState, double[]> level)
        {
            int floor = last;
            foreach (var f in sim.Firms)
                for (int m = 0; m < n; m++) floor = Math.Min(floor, Crossing(series, m, level(f)[m]) - 1);
            return floor;
        }
        void AssertHeld(MemberHistory h, int floor, string what)
        {
            for (int k = 0; k <= last; k++)
                Assert.True(h.Holds(k) == (k < MemberHistory.ChunkMonths || k >= floor / MemberHistory.ChunkMonths * MemberHistory.ChunkMonths),
                    $"{what}: month {k} held {h.Holds(k)}, floor {floor}");
        }
        for (int c = 0; c < countries; c++)
        {
            AssertHeld(w.CountryFrontier[c], FloorOfCountry(capability, c), $"{spec.Countries[c].Id} capability");
            AssertHeld(w.CountryComputeFrontier[c], FloorOfCountry(compute, c), $"{spec.Countries[c].Id} compute");
        }
        Assert.All(sim.Firms, f => Assert.True(f.HasEntered)); // no firm still to enter keeps the world's months
        AssertHeld(w.WorldFrontier, FloorOfWorld(world, f => f.Capability), "world capability");
        AssertHeld(w.WorldComputeFrontier, FloorOfWorld(worldCompute, f => f.LargestRunLogFlop), "world compute");
        return w;
    }
}
