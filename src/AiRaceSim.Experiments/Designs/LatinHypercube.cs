namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// A Latin hypercube of n points (McKay, Beckman and Conover 1979): in every factor each of the n
/// equal strata of [0, 1) holds exactly one point, at a uniform position inside its stratum; the
/// strata are matched across factors by independent random permutations.
/// </summary>
public static class LatinHypercube
{
    public static Design Create(int n, int factors, ulong seed)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "a Latin hypercube needs at least one point");
        if (factors < 1) throw new ArgumentOutOfRangeException(nameof(factors), factors, "a Latin hypercube needs at least one factor");
        var random = new DesignRandom(seed, DesignRandom.LatinHypercube);
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = new double[factors];
        for (int f = 0; f < factors; f++)
        {
            var stratum = random.Permutation(-1 - f, n);
            for (int i = 0; i < n; i++) points[i][f] = (stratum[i] + random.Uniform(i, f)) / n;
        }
        return new Design("lhs", points);
    }
}
