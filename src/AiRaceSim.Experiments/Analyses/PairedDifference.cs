namespace AiRaceSim.Experiments.Analyses;

/// <summary>
/// Policy A against policy B on common random numbers. The effect: the median of the member by
/// member differences A − B, with a percentile bootstrap interval over members, and the share of
/// members where A is lower. The gain from pairing: the difference of the two medians, median(A) −
/// median(B), with two intervals — members resampled together (as the pairing allows) and A and B
/// resampled independently (as with independent seeds) — and how many times narrower the first is.
/// Members without a finite value on both sides are left out (<see cref="Members"/> counts those used).
/// </summary>
public sealed record PairedResult(int Members, Estimate MedianDifference, double ShareALower, Estimate DifferenceOfMedians, Estimate UnpairedDifferenceOfMedians)
{
    /// <summary>How many times narrower the paired interval of median(A) − median(B) is than the unpaired one.</summary>
    public double Narrowing => (UnpairedDifferenceOfMedians.High - UnpairedDifferenceOfMedians.Low) / (DifferenceOfMedians.High - DifferenceOfMedians.Low);

    public static PairedResult Analyse(IReadOnlyList<double> a, IReadOnlyList<double> b, double level = 0.95,
        int resamples = Resampling.DefaultResamples, ulong seed = Resampling.DefaultSeed)
    {
        if (a.Count != b.Count) throw new ArgumentException($"paired results need the same members on both sides ({a.Count} and {b.Count})");
        var pairs = Enumerable.Range(0, a.Count).Where(i => double.IsFinite(a[i]) && double.IsFinite(b[i])).ToArray();
        int n = pairs.Length;
        if (n == 0) throw new ArgumentException("no member has a finite value on both sides");
        var difference = pairs.Select(i => a[i] - b[i]).ToArray();
        var av = pairs.Select(i => a[i]).ToArray();
        var bv = pairs.Select(i => b[i]).ToArray();
        var ofDifferences = new double[resamples];
        var together = new double[resamples];
        var apart = new double[resamples];
        var draw = new int[n];
        var other = new int[n];
        var buffer = new double[n];
        for (int r = 0; r < resamples; r++)
        {
            Resampling.Draw(seed, 0, r, draw);
            ofDifferences[r] = Median(draw, difference, buffer);
            double medianA = Median(draw, av, buffer);
            together[r] = medianA - Median(draw, bv, buffer);
            Resampling.Draw(seed, 1, r, other);
            apart[r] = medianA - Median(other, bv, buffer);
        }
        double lo = (1 - level) / 2, hi = (1 + level) / 2;
        Estimate Interval(double value, double[] resampled)
        {
            Array.Sort(resampled);
            return new Estimate(value, Resampling.Quantile(resampled, lo), Resampling.Quantile(resampled, hi), level);
        }
        double differenceOfMedians = Resampling.Quantile(av.Order().ToArray(), 0.5) - Resampling.Quantile(bv.Order().ToArray(), 0.5);
        return new PairedResult(n,
            Interval(Resampling.Quantile(difference.Order().ToArray(), 0.5), ofDifferences),
            difference.Count(d => d < 0) / (double)n,
            Interval(differenceOfMedians, together),
            Interval(differenceOfMedians, apart));
    }

    private static double Median(int[] draw, double[] values, double[] buffer)
    {
        for (int i = 0; i < draw.Length; i++) buffer[i] = values[draw[i]];
        Array.Sort(buffer);
        return Resampling.Quantile(buffer, 0.5);
    }
}
