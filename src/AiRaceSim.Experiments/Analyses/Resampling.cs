using AiRaceSim.Model.Random;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace AiRaceSim.Experiments.Analyses;

/// <summary>
/// Bootstrap resampling with the counter-based generator: resample b of a stream draws index i from
/// (seed, b, stream, 0, i), so an interval is the same on every machine and in every order of work.
/// </summary>
public static class Resampling
{
    public const ulong DefaultSeed = 0x5EED_B007_57A9UL;
    public const int DefaultResamples = 1000;

    /// <summary>Fills <paramref name="indices"/> with n indices drawn with replacement from 0..n−1.</summary>
    public static void Draw(ulong seed, int stream, int resample, Span<int> indices)
    {
        int n = indices.Length;
        for (int i = 0; i < n; i++) indices[i] = Math.Min(n - 1, (int)(CounterRng.Uniform(seed, resample, stream, 0, i) * n));
    }

    /// <summary>The normal quantile z of a two-sided interval at <paramref name="level"/> (1.96 at 0.95).</summary>
    public static double Z(double level) => Normal.InvCDF(0, 1, 0.5 + level / 2);

    /// <summary>The R-7 quantile of an ascending array.</summary>
    public static double Quantile(double[] sorted, double p) => SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7);

    /// <summary>The sample standard deviation (n − 1) of the finite values; NaN below two.</summary>
    public static double StandardDeviation(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length < 2 ? double.NaN : finite.StandardDeviation();
    }
}

/// <summary>An estimate with a confidence interval at <see cref="Level"/>.</summary>
public readonly record struct Estimate(double Value, double Low, double High, double Level)
{
    public override string ToString() => FormattableString.Invariant($"{Value:G4} [{Low:G4}, {High:G4}]");
}
