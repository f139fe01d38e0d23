namespace AiRaceSim.Experiments.Analyses;

/// <summary>
/// The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery (Bryant and
/// Lempert 2010): starting from the box around all points, repeatedly peel off the α share of the
/// points in the box at the lower or upper end of one factor, choosing the peel that leaves the
/// highest density of cases of interest, until the box would hold less than the minimum mass. The
/// chosen box is the one of highest coverage among those with density ≥ the minimum density (the
/// densest box if none reaches it).
/// </summary>
public static class Prim
{
    public static PrimResult Analyse(IReadOnlyList<double[]> x, IReadOnlyList<bool> interest, double alpha = 0.05, double minMass = 0.05, double minDensity = 0.8)
    {
        int n = x.Count;
        if (n == 0 || interest.Count != n) throw new ArgumentException($"PRIM needs one condition per point ({n} points, {interest.Count} conditions)");
        if (!(alpha > 0 && alpha < 0.5)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the peeling share α must be in (0, 0.5)");
        if (!(minMass > 0 && minMass <= 1)) throw new ArgumentOutOfRangeException(nameof(minMass), minMass, "the minimum mass must be in (0, 1]");
        int k = x[0].Length;
        int cases = interest.Count(c => c);
        if (cases == 0) throw new ArgumentException("no point meets the condition: PRIM has nothing to find; loosen the condition or widen the factors' ranges");
        var low = new double[k];
        var high = new double[k];
        for (int f = 0; f < k; f++) { low[f] = x.Min(p => p[f]); high[f] = x.Max(p => p[f]); }
        var dataLow = (double[])low.Clone();
        var dataHigh = (double[])high.Clone();
        var inside = Enumerable.Range(0, n).ToList();
        var trajectory = new List<PrimBox> { Box(0, low, high, inside) };

        while (true)
        {
            (double Density, int Factor, bool Upper, double Limit, List<int> Kept)? best = null;
            for (int f = 0; f < k; f++)
            {
                var sorted = inside.Select(i => x[i][f]).Order().ToArray();
                int m = Math.Max(1, (int)Math.Floor(alpha * sorted.Length));
                foreach (bool upper in new[] { false, true })
                {
                    double limit = upper ? sorted[sorted.Length - 1 - m] : sorted[m];
                    var kept = inside.Where(i => upper ? x[i][f] <= limit : x[i][f] >= limit).ToList();
                    if (kept.Count == inside.Count || kept.Count < minMass * n) continue; // peels nothing (ties), or too little left
                    double density = kept.Count(i => interest[i]) / (double)kept.Count;
                    if (best is null || density > best.Value.Density) best = (density, f, upper, limit, kept);
                }
            }
            if (best is not { } peel) break;
            if (peel.Upper) high[peel.Factor] = peel.Limit; else low[peel.Factor] = peel.Limit;
            inside = peel.Kept;
            trajectory.Add(Box(trajectory.Count, low, high, inside));
        }
        var dense = trajectory.Where(b => b.Density >= minDensity).ToList();
        var chosen = dense.Count > 0 ? dense.MaxBy(b => b.Coverage)! : trajectory.MaxBy(b => b.Density)!;
        var restricted = Enumerable.Range(0, k).Where(f => chosen.Low[f] > dataLow[f] || chosen.High[f] < dataHigh[f]).ToList();
        return new PrimResult(trajectory, chosen, restricted, minDensity, dense.Count > 0);

        PrimBox Box(int step, double[] lo, double[] hi, List<int> points)
        {
            int hits = points.Count(i => interest[i]);
            return new PrimBox(step, (double[])lo.Clone(), (double[])hi.Clone(), hits / (double)cases, hits / (double)points.Count, points.Count / (double)n, points.Count);
        }
    }
}
