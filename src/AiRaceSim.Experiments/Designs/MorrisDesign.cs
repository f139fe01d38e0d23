namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// Morris's one-at-a-time trajectories (Morris 1991) on a grid of p levels {0, 1/(p−1), …, 1}:
/// each trajectory starts at a random grid point and moves each factor once, in a random order,
/// by Δ = p / (2(p − 1)) up or down (whichever stays on the grid), so it has k + 1 points and
/// gives one elementary effect per factor. Rows: trajectory t's points are t(k+1) … t(k+1)+k.
/// </summary>
public sealed record MorrisDesign(Design Design, int Trajectories, int Levels, double Delta, int[][] Order, double[][] Step)
{
    /// <summary>Order[t][s]: the factor moved at step s of trajectory t; Step[t][s]: its signed move (±Δ).</summary>
    public static MorrisDesign Create(int trajectories, int factors, int levels, ulong seed)
    {
        if (trajectories < 2) throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, "Morris needs at least 2 trajectories");
        if (factors < 1) throw new ArgumentOutOfRangeException(nameof(factors), factors, "Morris needs at least one factor");
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "Morris needs an even number of levels ≥ 2 (4 is usual)");
        double delta = levels / (2.0 * (levels - 1));
        var random = new DesignRandom(seed, DesignRandom.Morris);
        var points = new double[trajectories * (factors + 1)][];
        var order = new int[trajectories][];
        var step = new double[trajectories][];
        for (int t = 0; t < trajectories; t++)
        {
            order[t] = random.Permutation(-1 - t, factors);
            step[t] = new double[factors];
            var level = new int[factors];
            var x = new double[factors];
            for (int f = 0; f < factors; f++)
            {
                // Levels 0 … p−1; a start in the lower half moves up by p/2 levels (Δ), one in the upper half down.
                level[f] = random.Below(t, f, levels);
                x[f] = level[f] / (double)(levels - 1);
            }
            int row = t * (factors + 1);
            points[row] = (double[])x.Clone();
            for (int s = 0; s < factors; s++)
            {
                int f = order[t][s];
                double before = x[f];
                level[f] += level[f] < levels / 2 ? levels / 2 : -levels / 2;
                x[f] = level[f] / (double)(levels - 1);
                step[t][s] = x[f] - before;
                points[row + 1 + s] = (double[])x.Clone();
            }
        }
        return new MorrisDesign(new Design("morris", points), trajectories, levels, delta, order, step);
    }
}
