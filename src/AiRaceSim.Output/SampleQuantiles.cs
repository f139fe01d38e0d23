using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiRaceSim.Output;

/// <summary>
/// Sample quantiles by R's type 7 (linear between order statistics; numpy's and R's default), the
/// one definition that quantiles.csv and the calibration checks share. Infinite values are taken:
/// a quantile that interpolates towards an infinity (or between two equal ones) is that infinity
/// rather than NaN. <see cref="Select"/> finds the order statistics by selection, not sorting, so
/// a month's quantiles over n members cost O(n) rather than O(n log n): for many values by
/// buckets between the least and the greatest (two passes), for a few by quickselect.
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
    public static void Select(Span<double> values, ReadOnlySpan<double> levels, Span<double> result) =>
        Select(values, levels, result, null);

    /// <inheritdoc cref="Select(Span{double}, ReadOnlySpan{double}, Span{double})"/>
    /// <param name="scratch">room for up to <paramref name="values"/>.Length values (rented when null or short).</param>
    public static void Select(Span<double> values, ReadOnlySpan<double> levels, Span<double> result, double[]? scratch)
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
        Span<double> stats = stackalloc double[count];
        if (n < BucketsFrom) PlaceAll(values, 0, ranks[..count], stats, ranks[..count]);
        else
        {
            bool rented = scratch is null || scratch.Length < n;
            var room = rented ? ArrayPool<double>.Shared.Rent(n) : scratch!;
            BucketSelect(values, ranks[..count], stats, room, 0);
            if (rented) ArrayPool<double>.Shared.Return(room);
        }
        for (int i = 0; i < levels.Length; i++)
        {
            var (lo, hi, fraction) = Ranks(n, levels[i]);
            result[i] = Interpolate(stats[ranks[..count].IndexOf(lo)], stats[ranks[..count].IndexOf(hi)], fraction);
        }
    }

    /// <summary>Below this many values quickselect is quicker than buckets.</summary>
    private const int BucketsFrom = 512;
    private const int Buckets = 2048;

    /// <summary>Most ranks one bucket pass places: its per-rank tables live on the stack and a taken bucket's slot is a byte.</summary>
    private const int MaxBucketRanks = 64;

    /// <summary>
    /// The order statistics at <paramref name="ranks"/> (ascending, distinct) into <paramref name="stats"/>, by
    /// buckets: the bucket of v is ⌊(v − min)·B/(max − min)⌋, which never falls as v rises (a difference and a
    /// product with a positive number are rounded monotonically), so every value of a bucket is ≤ every value
    /// of the next. One pass counts the buckets, which places each rank in one; a second copies the values of
    /// those buckets (a few out of n) to <paramref name="scratch"/> (at least as long as <paramref name="a"/>), where
    /// each is selected in turn, by buckets again while it is large (values clustered between a few outliers) or
    /// by quickselect. Reorders <paramref name="a"/> and <paramref name="scratch"/>.
    /// </summary>
    private static void BucketSelect(Span<double> a, ReadOnlySpan<int> ranks, Span<double> stats, Span<double> scratch, int depth)
    {
        var (min, max) = MinMax(a);
        // All equal (−0 and +0 among them): the first value, as a scan that keeps its minimum until a smaller one comes.
        if (!(max > min)) { stats.Fill(a[0]); return; }
        double scale = Buckets / (max - min);
        if (!double.IsFinite(scale) || !(scale > 0) || double.IsInfinity(min) || double.IsInfinity(max) || depth > 3 || ranks.Length > MaxBucketRanks)
        {
            // Infinities, a range too wide or too narrow for doubles, clusters within clusters, or more ranks than the
            // tables below hold on the stack (a bucket's slot is a byte): quickselect.
            PlaceAll(a, 0, ranks, stats, ranks);
            return;
        }
        Span<int> counts = stackalloc int[Buckets];
        Count(a, min, scale, counts);

        // The bucket of each rank, walking the buckets once (the ranks ascend); the buckets taken, in order.
        Span<int> bucketOf = stackalloc int[ranks.Length], below = stackalloc int[ranks.Length];
        Span<int> taken = stackalloc int[ranks.Length], start = stackalloc int[ranks.Length + 1];
        int b = 0, before = 0, kinds = 0;
        for (int i = 0; i < ranks.Length; i++)
        {
            while (before + counts[b] <= ranks[i]) before += counts[b++];
            bucketOf[i] = b;
            below[i] = before;
            if (kinds == 0 || taken[kinds - 1] != b) taken[kinds++] = b;
        }
        Span<byte> slotOf = stackalloc byte[Buckets]; // 1 + the index in taken, 0 for a bucket not taken
        slotOf.Clear();
        start[0] = 0;
        for (int s = 0; s < kinds; s++)
        {
            slotOf[taken[s]] = (byte)(s + 1);
            start[s + 1] = start[s] + counts[taken[s]];
        }
        Span<int> next = stackalloc int[kinds];
        start[..kinds].CopyTo(next);
        Gather(a, min, scale, slotOf, next, scratch);

        // Each bucket taken on its own, its ranks counted from its first value.
        Span<int> local = stackalloc int[ranks.Length];
        for (int s = 0, i = 0; s < kinds; s++)
        {
            int first = i;
            while (i < ranks.Length && bucketOf[i] == taken[s]) { local[i] = ranks[i] - below[i]; i++; }
            var part = scratch[start[s]..start[s + 1]];
            // A large bucket by buckets again, with a (whose values are all copied out by now) as its scratch.
            if (part.Length >= BucketsFrom) BucketSelect(part, local[first..i], stats[first..i], a, depth + 1);
            else PlaceAll(part, 0, local[first..i], stats[first..i], local[first..i]);
        }
    }

    /// <summary>The least and the greatest value (no NaN), four lanes at a time.</summary>
    private static (double Min, double Max) MinMax(ReadOnlySpan<double> a)
    {
        double min = a[0], max = a[0];
        int i = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var lo = Vector256.Create(a[..4]);
            var hi = lo;
            for (i = 4; i <= a.Length - 4; i += 4)
            {
                var v = Vector256.Create(a.Slice(i, 4));
                lo = Vector256.ConditionalSelect(Vector256.LessThan(v, lo), v, lo);
                hi = Vector256.ConditionalSelect(Vector256.GreaterThan(v, hi), v, hi);
            }
            for (int l = 0; l < 4; l++)
            {
                if (lo[l] < min) min = lo[l];
                if (hi[l] > max) max = hi[l];
            }
        }
        for (; i < a.Length; i++)
        {
            if (a[i] < min) min = a[i];
            if (a[i] > max) max = a[i];
        }
        return (min, max);
    }

    /// <summary>
    /// How many values fall in each bucket. Four at a time when the CPU has AVX (the same IEEE operations and
    /// truncation as <see cref="Bucket"/>), counted in four tables, one per lane, so that values of the same
    /// bucket in a row (a clustered month) do not each wait for the last increment.
    /// </summary>
    private static void Count(ReadOnlySpan<double> a, double min, double scale, Span<int> counts)
    {
        counts.Clear();
        int i = 0;
        if (Avx.IsSupported)
        {
            Span<int> lanes = stackalloc int[3 * Buckets];
            lanes.Clear();
            Span<int> c1 = lanes[..Buckets], c2 = lanes[Buckets..(2 * Buckets)], c3 = lanes[(2 * Buckets)..];
            var vmin = Vector256.Create(min);
            var vscale = Vector256.Create(scale);
            var last = Vector128.Create(Buckets - 1);
            for (; i <= a.Length - 4; i += 4)
            {
                var index = Vector128.Min(Avx.ConvertToVector128Int32WithTruncation((Vector256.Create(a.Slice(i, 4)) - vmin) * vscale), last);
                counts[index.GetElement(0)]++;
                c1[index.GetElement(1)]++;
                c2[index.GetElement(2)]++;
                c3[index.GetElement(3)]++;
            }
            for (int k = 0; k < Buckets; k++) counts[k] += c1[k] + c2[k] + c3[k];
        }
        for (; i < a.Length; i++) counts[Bucket(a[i], min, scale)]++;
    }

    /// <summary>Copies each value of a bucket taken (<paramref name="slotOf"/> ≠ 0) to its place in <paramref name="scratch"/>, in the order of <paramref name="a"/>.</summary>
    private static void Gather(ReadOnlySpan<double> a, double min, double scale, ReadOnlySpan<byte> slotOf, Span<int> next, Span<double> scratch)
    {
        int i = 0;
        if (Avx.IsSupported)
        {
            var vmin = Vector256.Create(min);
            var vscale = Vector256.Create(scale);
            var last = Vector128.Create(Buckets - 1);
            for (; i <= a.Length - 4; i += 4)
            {
                var index = Vector128.Min(Avx.ConvertToVector128Int32WithTruncation((Vector256.Create(a.Slice(i, 4)) - vmin) * vscale), last);
                int s0 = slotOf[index.GetElement(0)], s1 = slotOf[index.GetElement(1)], s2 = slotOf[index.GetElement(2)], s3 = slotOf[index.GetElement(3)];
                if ((s0 | s1 | s2 | s3) == 0) continue; // most values fall in buckets no rank needs
                if (s0 != 0) scratch[next[s0 - 1]++] = a[i];
                if (s1 != 0) scratch[next[s1 - 1]++] = a[i + 1];
                if (s2 != 0) scratch[next[s2 - 1]++] = a[i + 2];
                if (s3 != 0) scratch[next[s3 - 1]++] = a[i + 3];
            }
        }
        for (; i < a.Length; i++)
        {
            int s = slotOf[Bucket(a[i], min, scale)];
            if (s != 0) scratch[next[s - 1]++] = a[i];
        }
    }

    private static int Bucket(double v, double min, double scale) => Math.Min((int)((v - min) * scale), Buckets - 1);

    /// <summary>
    /// Puts each of the ascending <paramref name="ranks"/> (of the whole array; <paramref name="a"/> starts at
    /// rank <paramref name="offset"/>) in place: the middle one first, then the lower ranks left of it and
    /// the higher ones right of it, so five quantiles cost about three passes rather than five. Each rank's
    /// value goes to <paramref name="stats"/> at its index in <paramref name="all"/>.
    /// </summary>
    private static void PlaceAll(Span<double> a, int offset, ReadOnlySpan<int> ranks, Span<double> stats, ReadOnlySpan<int> all)
    {
        if (ranks.IsEmpty) return;
        int mid = ranks.Length / 2, k = ranks[mid] - offset;
        SelectRank(a, k);
        stats[all.IndexOf(ranks[mid])] = a[k];
        PlaceAll(a[..k], offset, ranks[..mid], stats, all);
        PlaceAll(a[(k + 1)..], offset + k + 1, ranks[(mid + 1)..], stats, all);
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
