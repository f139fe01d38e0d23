namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// Every combination of the factors' levels, the last factor varying fastest. A factor of L levels
/// takes the unit-cube values (i + ½)/L, which its scale maps to its i-th level.
/// </summary>
public static class FactorialDesign
{
    public static Design Create(IReadOnlyList<int> levels)
    {
        if (levels.Count == 0) throw new ArgumentException("a factorial design needs at least one factor", nameof(levels));
        long count = 1;
        foreach (int l in levels)
        {
            if (l < 1) throw new ArgumentOutOfRangeException(nameof(levels), l, "every factor needs at least one level");
            count *= l;
            if (count > 10_000_000) throw new ArgumentOutOfRangeException(nameof(levels), "a factorial design of more than 10,000,000 points");
        }
        var points = new double[count][];
        var index = new int[levels.Count];
        for (long p = 0; p < count; p++)
        {
            points[p] = new double[levels.Count];
            for (int f = 0; f < levels.Count; f++) points[p][f] = (index[f] + 0.5) / levels[f];
            for (int f = levels.Count - 1; f >= 0; f--)
            {
                if (++index[f] < levels[f]) break;
                index[f] = 0;
            }
        }
        return new Design("factorial", points);
    }
}
