using AiRaceSim.Experiments.Analyses;

namespace AiRaceSim.Calibration;

/// <summary>
/// The percentile bootstrap of a sample's median, resampled with the project's counter-based
/// generator (<see cref="Resampling.Draw"/>, keyed by a fixed seed, the caller's stream, the resample and
/// the draw) rather than System.Random: the same sample gives the same interval on every machine.
/// </summary>
public static class Bootstrap
{
    public const ulong Seed = 0x5EED_B007_57A9UL;
    public const int Resamples = 2000;

    /// <returns>the (1 − level)/2 and (1 + level)/2 quantiles of the resampled medians; NaN for an empty sample.</returns>
    public static (double Low, double High) MedianInterval(IReadOnlyList<double> sample, double level, int stream, int resamples = Resamples)
    {
        int n = sample.Count;
        if (n == 0) return (double.NaN, double.NaN);
        var medians = new double[resamples];
        var draw = new double[n];
        var index = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            Resampling.Draw(Seed, stream, b, index);
            for (int i = 0; i < n; i++) draw[i] = sample[index[i]];
            Array.Sort(draw);
            medians[b] = Quantiles.Of(draw, 0.5);
        }
        Array.Sort(medians);
        return (Quantiles.Of(medians, (1 - level) / 2), Quantiles.Of(medians, (1 + level) / 2));
    }
}
