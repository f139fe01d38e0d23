using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AiRaceSim.Model.Random;

/// <summary>
/// The standard normal inverse CDF by Wichura's algorithm AS 241 (PPND16, Applied Statistics
/// 37:477–484, 1988): rational approximations accurate to about 1e-16. Used for the monthly shocks
/// in the kernel's hot loop, where MathNet's ErfInv-based Normal.InvCDF costs several times more;
/// the tests hold it to MathNet's values.
/// </summary>
public static class NormalQuantile
{
    private const double Central = 0.425;

    public static double Standard(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= Central) return CentralRegion(q);
        double t = q < 0 ? p : 1 - p;
        if (t <= 0) return q < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        t = Math.Sqrt(-Math.Log(t));
        double x;
        if (t <= 5)
        {
            t -= 1.6;
            x = (((((((7.7454501427834140764e-4 * t + 0.0227238449892691845833) * t + 0.24178072517745061177) * t
                   + 1.27045825245236838258) * t + 3.64784832476320460504) * t + 5.7694972214606914055) * t
                   + 4.6303378461565452959) * t + 1.42343711074968357734)
                / (((((((1.05075007164441684324e-9 * t + 5.475938084995344946e-4) * t + 0.0151986665636164571966) * t
                   + 0.14810397642748007459) * t + 0.68976733498510000455) * t + 1.6763848301838038494) * t
                   + 2.05319162663775882187) * t + 1.0);
        }
        else
        {
            t -= 5;
            x = (((((((2.01033439929228813265e-7 * t + 2.71155556874348757815e-5) * t + 0.0012426609473880784386) * t
                   + 0.026532189526576123093) * t + 0.29656057182850489123) * t + 1.7848265399172913358) * t
                   + 5.4637849111641143699) * t + 6.6579046435011037772)
                / (((((((2.04426310338993978564e-15 * t + 1.4215117583164458887e-7) * t + 1.8463183175100546818e-5) * t
                   + 7.868691311456132591e-4) * t + 0.0148753612908506148525) * t + 0.13692988092273580531) * t
                   + 0.59983220655588793769) * t + 1.0);
        }
        return q < 0 ? -x : x;
    }

    /// <summary>
    /// The same quantiles for many p at once (<paramref name="x"/> may be <paramref name="p"/>): the central region,
    /// where most draws fall, four at a time on vectors (the same products, sums and quotient in the same order,
    /// hence the same bits); the tails one at a time.
    /// </summary>
    public static void Standard(ReadOnlySpan<double> p, Span<double> x)
    {
        if (x.Length < p.Length) throw new ArgumentException("the destination is shorter than the probabilities", nameof(x));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5);
            var central = Vector256.Create(Central);
            for (; i <= p.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var pi = Vector256.Create(p.Slice(i, Vector256<double>.Count));
                var q = pi - half;
                var tails = ~Vector256.LessThanOrEqual(Vector256.Abs(q), central); // as the scalar test, NaN included
                CentralRegion(q).CopyTo(x.Slice(i, Vector256<double>.Count));
                if (tails == Vector256<double>.Zero) continue;
                for (int k = 0; k < Vector256<double>.Count; k++)
                    if (tails[k] != 0) x[i + k] = Standard(pi[k]);
            }
        }
        for (; i < p.Length; i++) x[i] = Standard(p[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CentralRegion(double q)
    {
        double r = 0.180625 - q * q;
        return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
               / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
    }

    /// <summary><see cref="CentralRegion(double)"/> on four lanes, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CentralRegion(Vector256<double> q)
    {
        var r = Vector256.Create(0.180625) - q * q;
        var num = ((((((Vector256.Create(2509.0809287301226727) * r + Vector256.Create(33430.575583588128105)) * r
                    + Vector256.Create(67265.770927008700853)) * r + Vector256.Create(45921.953931549871457)) * r
                    + Vector256.Create(13731.693765509461125)) * r + Vector256.Create(1971.5909503065514427)) * r
                    + Vector256.Create(133.14166789178437745)) * r + Vector256.Create(3.387132872796366608);
        var den = ((((((Vector256.Create(5226.495278852545925) * r + Vector256.Create(28729.085735721942674)) * r
                    + Vector256.Create(39307.89580009271061)) * r + Vector256.Create(21213.794301586595867)) * r
                    + Vector256.Create(5394.1960214247511077)) * r + Vector256.Create(687.1870074920579083)) * r
                    + Vector256.Create(42.313330701600911252)) * r + Vector256.Create(1.0);
        return q * num / den;
    }
}
