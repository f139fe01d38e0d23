using AiRaceSim.Output;

namespace AiRaceSim.Calibration;

/// <summary>The calibration checks' quantiles: <see cref="SampleQuantiles"/> (R-7, infinities taken), on values that may hold NaN.</summary>
public static class Quantiles
{
    /// <param name="sorted">ascending, no NaN.</param>
    public static double Of(IReadOnlyList<double> sorted, double p) => SampleQuantiles.Of(sorted, p);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return Of(sorted, 0.5);
    }
}
