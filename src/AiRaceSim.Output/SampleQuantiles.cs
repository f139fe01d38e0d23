namespace AiRaceSim.Output;

/// <summary>
/// Sample quantiles by R's type 7 (linear between order statistics; numpy's and R's default), the
/// one definition that quantiles.csv and the calibration checks share. Infinite values are taken:
/// a quantile that interpolates towards an infinity (or between two equal ones) is that infinity
/// rather than NaN. <see cref="Select"/> finds the order statistics by selection, not sorting, so
/// a month's quantiles over n members cost O(n) rather than O(n log n).
/// </summary>
public static class SampleQuantiles
{
    /// <summary>R-7 between the order statistics a = x(⌊h⌋) and b = x(⌊h⌋+1), h = (n−1)p.</summary>
    public static double Interpolate(double a, double b, double fraction)
    {
        if (a == b || fraction == 0) return a;
        if (double.IsInfinity(b)) return b;            // between a finite value and +∞ (or two +∞)
        if (double.IsNegativeInfinity(a)) return a;    // between −∞ and a finite value: −∞ + ∞ would be NaN
        return a + fraction * (b - a);
    }

    /// <param name="sorted">ascending, no NaN.</param>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var (lo, hi, fraction) = Ranks(sorted.Count, p);
        return Interpolate(sorted[lo], sorted[hi], fraction);
    }

    /// <summary>
    /// The quantiles at <paramref name="levels"/> (ascending, in [0, 1]) of <paramref name="values"/>
    /// (no NaN), written to <paramref name="result"/>; NaN for none. Reorders <paramref name="values"/>.
    /// Equal to sorting and taking <see cref="Of"/> (where −0 and +0 tie, either may come out).
    /// </summary>
    public static void Select(Span<double> values, ReadOnlySpan<double> levels, Span<double> result)
    {
        int n = values.Length;
        if (n == 0) { result[..levels.Length].Fill(double.NaN); return; }
        // The ranks the levels need (lo and hi of each), ascending and without repeats.
        Span<int> ranks = stackalloc int[2 * levels.Length];
        int count = 0;
        for (int i = 0; i < levels.Length; i++)
        {
            if (i > 0 && levels[i] < levels[i - 1]) throw new ArgumentException("levels must be ascending", nameof(levels));
            var (lo, hi, _) = Ranks(n, levels[i]);
            // lo ≥ the previous lo, and the previous hi ≤ that lo + 1: a rank not above the last one is already there.
            if (count == 0 || lo > ranks[count - 1]) ranks[count++] = lo;
            if (hi > ranks[count - 1]) ranks[count++] = hi;
        }
        PlaceAll(values, 0, ranks[..count]);
        for (int i = 0; i < levels.Length; i++)
        {
            var (lo, hi, fraction) = Ranks(n, levels[i]);
            result[i] = Interpolate(values[lo], values[hi], fraction);
        }
    }

    /// <summary>
    /// Puts each of the ascending <paramref name="ranks"/> (of the whole array; <paramref name="a"/> starts at
    /// rank <paramref name="offset"/>) in place: the middle one first, then the lower ranks left of it and
    /// the higher ones right of it, so five quantiles cost about three passes rather than five.
    /// </summary>
    private static void PlaceAll(Span<double> a, int offset, ReadOnlySpan<int> ranks)
    {
        if (ranks.IsEmpty) return;
        int mid = ranks.Length / 2, k = ranks[mid] - offset;
        SelectRank(a, k);
        PlaceAll(a[..k], offset, ranks[..mid]);
        PlaceAll(a[(k + 1)..], offset + k + 1, ranks[(mid + 1)..]);
    }

    private static (int Lo, int Hi, double Fraction) Ranks(int n, double p)
    {
        double h = (n - 1) * p;
        int lo = (int)Math.Floor(h);
        return (lo, Math.Min(lo + 1, n - 1), h - lo);
    }

    /// <summary>
    /// Quickselect (Hoare partition, median-of-three pivot, deterministic): afterwards a[k] is the
    /// k-th smallest, a[..k] ≤ a[k] ≤ a[(k+1)..]. Equal values split evenly, so ties cost nothing extra.
    /// </summary>
    private static void SelectRank(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi - lo >= 16)
        {
            int mid = lo + (hi - lo) / 2;
            if (a[mid] < a[lo]) Swap(a, lo, mid);
            if (a[hi] < a[lo]) Swap(a, lo, hi);
            if (a[hi] < a[mid]) Swap(a, mid, hi);
            double pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { Swap(a, i, j); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return; // a[j+1 .. i−1] all equal the pivot, k among them
        }
        for (int i = lo + 1; i <= hi; i++) // insertion sort of the last few
        {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    private static void Swap(Span<double> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
