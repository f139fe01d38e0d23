using AiRaceSim.Output;

namespace AiRaceSim.Cli.Tests;

/// <summary>The eight-lane sums of the quantile rows, against the order they promise, worked out by hand.</summary>
public class LaneSumsTests
{
    [Fact]
    public void Fewer_than_eight_values_sum_in_order()
    {
        // In order: (1e16 + 1) rounds to 1e16, + 1 again to 1e16, − 1e16 leaves 0. Any other order keeps a 1 or a 2.
        double[] values = [1e16, 1, 1, -1e16];
        Assert.Equal(0, LaneSums.Sum(values));
        Assert.Equal(0, LaneSums.Sum([]));
    }

    [Fact]
    public void Eight_or_more_values_go_to_lane_i_mod_8_then_the_rest_in_order()
    {
        // Lanes 0..7 hold 1e16, 1, 1, 1, −1e16, 1, 1, 1 (plus 8..15 below): lane j + 4 first, then (0 + 1) + (2 + 3).
        // 11 values: the lanes take 0..7, the rest (8, 9, 10) are added one by one afterwards.
        double[] values = [1e16, 1, 1, 1, -1e16, 1, 1, 1, 0.5, 0.25, 0.125];
        // a + b = (1e16 − 1e16, 2, 2, 2) = (0, 2, 2, 2); (0 + 2) + (2 + 2) = 6; then + 0.5 + 0.25 + 0.125.
        Assert.Equal(6.875, LaneSums.Sum(values));
        // In order the 1s after 1e16 would be lost: 1e16 + 1 + 1 + 1 = 1e16 (ties to even), − 1e16 = 0, + 3 + 0.875.
        double sequential = 0;
        foreach (double v in values) sequential += v;
        Assert.Equal(3.875, sequential);
    }

    [Fact]
    public void Lane_j_adds_values_j_and_j_plus_8_before_j_plus_4_and_j_plus_12()
    {
        // Lane 0 holds 1e16, 1 (value 4), −1e16 (value 8), 1 (value 12); the rest are 0.
        // Eight lanes: (1e16 + −1e16) + (1 + 1) = 2. Four lanes, one accumulator, would give ((1e16 + 1) − 1e16) + 1 = 1, as in order.
        var values = new double[16];
        (values[0], values[4], values[8], values[12]) = (1e16, 1, -1e16, 1);
        Assert.Equal(2, LaneSums.Sum(values));
    }

    [Fact]
    public void The_four_lanes_are_added_in_pairs()
    {
        // Lanes 1e16, 1, −1e16, 1: (1e16 + 1) + (−1e16 + 1) = 1e16 − 1e16 = 0 (each 1 is lost to rounding);
        // left to right, ((1e16 + 1) − 1e16) + 1 = 1.
        var values = new double[16];
        (values[0], values[1], values[2], values[3]) = (1e16, 1, -1e16, 1);
        Assert.Equal(0, LaneSums.Sum(values));
    }

    [Fact]
    public void Squared_deviations_use_the_same_lanes()
    {
        // Sixteen values: lane j holds values j and j + 8. Around mean 1: deviations 0, 1, 2, 3, 0, 1, 2, 3 twice.
        double[] values = [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 11];
        // Lanes: (0, 1, 4, 9) twice each half → a = b = 2·(0, 1, 4, 9); a + b = (0, 4, 16, 36); (0 + 4) + (16 + 36) = 56; + 10² = 156.
        Assert.Equal(156, LaneSums.SquaredDeviations(values, 1));
        Assert.Equal(Math.Sqrt(156.0 / 16), QuantilesWriter.StandardDeviation(values, 1));
    }
}
