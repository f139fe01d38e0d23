namespace AiRaceSim.Experiments.Analyses;

/// <summary>
/// Policy A against policy B on common random numbers: member by member differences A − B, their
/// median with a percentile bootstrap interval, the share of members where A is lower, and the
/// interval the same medians would have without the pairing (A and B resampled independently, as
/// with independent seeds), so the gain from pairing can be read off.
/// </summary>
public sealed record PairedResult(int Members, Estimate MedianDifference, double ShareALower, Estimate UnpairedMedianDifference)
{
    /// <summary>How many times narrower the paired interval is than the unpaired one.</summary>
    public double Narrowing => (UnpairedMedianDifference.High - UnpairedMedianDifference.Low) / (MedianDifference.High - MedianDifference.Low);

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
        var paired = new double[resamples];
        var unpaired = new double[resamples];
        var draw = new int[n];
        var other = new int[n];
        var buffer = new double[n];
        for (int r = 0; r < resamples; r++)
        {
            Resampling.Draw(seed, 0, r, draw);
            paired[r] = Median(draw, difference, buffer);
            Resampling.Draw(seed, 1, r, other);
            unpaired[r] = Median(draw, av, buffer) - Median(other, bv, buffer);
        }
        Array.Sort(paired);
        Array.Sort(unpaired);
        double lo = (1 - level) / 2, hi = (1 + level) / 2;
        var sortedDifference = difference.Order().ToArray();
        double median = Resampling.Quantile(sortedDifference, 0.5);
        double unpairedMedian = Resampling.Quantile(av.Order().ToArray(), 0.5) - Resampling.Quantile(bv.Order().ToArray(), 0.5);
        return new PairedResult(n,
            new Estimate(median, Resampling.Quantile(paired, lo), Resampling.Quantile(paired, hi), level),
            difference.Count(d => d < 0) / (double)n,
            new Estimate(unpairedMedian, Resampling.Quantile(unpaired, lo), Resampling.Quantile(unpaired, hi), level));
    }

    private static double Median(int[] draw, double[] values, double[] buffer)
    {
        for (int i = 0; i < draw.Length; i++) buffer[i] = values[draw[i]];
        Array.Sort(buffer);
        return Resampling.Quantile(buffer, 0.5);
    }
}
