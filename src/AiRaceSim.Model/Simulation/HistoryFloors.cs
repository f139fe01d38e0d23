using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// After a month's gaps, lets each frontier history go before the first month its readers may still read: the least
/// hint less one of the country pairs' two sides (capability and compute) and of the firms' gaps behind the world,
/// but never the month just aggregated, which the next copies. Why no later month reads further back:
/// docs/ARCHITECTURE.md, "What stays in memory of a history". A firm not yet entered has its hints at 0, so it keeps the world's
/// histories whole until it enters (its first search, at entry, starts at month 0).
/// </summary>
internal static class HistoryFloors
{
    public static void Forget(WorldState w, int ti)
    {
        for (int c = 0; c < w.CountryFrontier.Length; c++)
        {
            int capability = ti, compute = ti;
            for (int p = 0; p < w.PairCountries.Length; p++)
            {
                // PairHints per pair: leader and follower hints, capability then compute.
                var (follower, leader) = w.PairCountries[p];
                int side = leader == c ? 0 : follower == c ? 1 : -1;
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
