using System.Runtime.Intrinsics;

namespace AiRaceSim.Output;

/// <summary>
/// Sums for the quantile rows' mean and deviation in eight lanes (two 256-bit vectors): value i goes to lane i mod 8, lane j and
/// j + 4 are then added and those four as (0 + 1) + (2 + 3), then the values after the last full eight one by one. A sequential sum waits for each
/// addition before the next; eight lanes do not, and the order is fixed by position alone, so the bits are the same on every
/// machine (Vector256 is exact IEEE arithmetic per lane, emulated where the hardware lacks it) and for every block size
/// (a slice holds all members). Fewer than eight values sum in order, as a plain loop does.
/// </summary>
public static class LaneSums
{
    private const int Lanes = 8;

    public static double Sum(ReadOnlySpan<double> values)
    {
        int i = 0;
        double sum = 0;
        if (values.Length >= Lanes)
        {
            Vector256<double> a = Vector256<double>.Zero, b = Vector256<double>.Zero;
            for (; i <= values.Length - Lanes; i += Lanes)
            {
                a += Vector256.Create(values.Slice(i, 4));
                b += Vector256.Create(values.Slice(i + 4, 4));
            }
            sum = Total(a + b);
        }
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }

    /// <summary>Σ (v − mean)², in the same lanes as <see cref="Sum"/>.</summary>
    public static double SquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        int i = 0;
        double sum = 0;
        if (values.Length >= Lanes)
        {
            var m = Vector256.Create(mean);
            Vector256<double> a = Vector256<double>.Zero, b = Vector256<double>.Zero;
            for (; i <= values.Length - Lanes; i += Lanes)
            {
                var da = Vector256.Create(values.Slice(i, 4)) - m;
                var db = Vector256.Create(values.Slice(i + 4, 4)) - m;
                a += da * da; // a product then a sum: the JIT does not fuse them, so no machine rounds differently
                b += db * db;
            }
            sum = Total(a + b);
        }
        for (; i < values.Length; i++) sum += (values[i] - mean) * (values[i] - mean);
        return sum;
    }

    /// <summary>The four lanes of a vector added as (0 + 1) + (2 + 3).</summary>
    private static double Total(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
