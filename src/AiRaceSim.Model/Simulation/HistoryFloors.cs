using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// After a month's gaps, lets each frontier history go up to the first month any of its readers may still read: a
/// gap's search starts at its hint and reads at most one month before it (the interpolation), hints never go back,
/// and levels never fall, so no later month of the run reads further back. Readers: the country pairs (both sides,
/// capability and compute, <see cref="Gaps.TimeDistance.AdvanceHints"/>), the firms' gaps behind the world, and firms
/// still to enter at a past world frontier. The month just aggregated is kept (the next month starts from it).
/// </summary>
internal static class HistoryFloors
{
    public static void Forget(WorldState w, int ti)
    {
        var pairs = w.Gaps.Pairs;
        for (int c = 0; c < w.CountryFrontier.Length; c++)
        {
            int capability = ti, compute = ti;
            for (int p = 0; p < pairs.Count; p++)
            {
                // PairHints per pair: leader and follower hints, capability then compute.
                int side = w.Spec.CountryIndex(pairs[p].Behind) == c ? 0 : w.Spec.CountryIndex(pairs[p].Of) == c ? 1 : -1;
                if (side < 0) continue;
                capability = Math.Min(capability, Least(w.PairHints[4 * p + side]) - 1);
                compute = Math.Min(compute, Least(w.PairHints[4 * p + 2 + side]) - 1);
            }
            w.CountryFrontier[c].ForgetBefore(capability);
            w.CountryComputeFrontier[c].ForgetBefore(compute);
        }
        int world = ti, worldCompute = ti;
        for (int f = 0; f < w.Spec.Firms.Count; f++)
        {
            world = Math.Min(world, Least(w.FirmHints[2 * f]) - 1);
            worldCompute = Math.Min(worldCompute, Least(w.FirmHints[2 * f + 1]) - 1);
            // A firm entering later at the world frontier of a past month reads that month then (PrepareEntries).
            var spec = w.Spec.Firms[f];
            if (spec.EntryCapability is FrontierAt at && spec.Entry > w.Spec.Start + ti) world = Math.Min(world, at.Date - w.Spec.Start);
        }
        w.WorldFrontier.ForgetBefore(world);
        w.WorldComputeFrontier.ForgetBefore(worldCompute);
    }

    private static int Least(int[] hints)
    {
        int least = int.MaxValue;
        foreach (int h in hints) least = Math.Min(least, h);
        return least;
    }
}
