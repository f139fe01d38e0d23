using AiRaceSim.Model.Series;
using Xunit;

namespace AiRaceSim.Model.Tests;

/// <summary>The recorder's row helpers: vector bodies and scalar tails give what the scalar loops gave.</summary>
public class RecorderRowTests
{
    [Fact]
    public void Infinities_become_NaN_and_nothing_else_changes()
    {
        // 11 values: two vector widths of 4 and a tail of 3 on AVX2; infinities in the body, the tail and at the ends.
        double[] v = [double.NegativeInfinity, 1.5, -0.0, double.NaN, 2, double.PositiveInfinity, double.MaxValue, -3, 4, double.NegativeInfinity, double.MinValue];
        SeriesRecorder.InfinityToNaN(v);
        double[] expected = [double.NaN, 1.5, -0.0, double.NaN, 2, double.NaN, double.MaxValue, -3, 4, double.NaN, double.MinValue];
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), v.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Accumulate_adds_element_by_element()
    {
        double[] row = [0, 1, 2, 3, 4, 5, 6, 0.1, -0.0];
        double[] add = [1, 1, 1, 1, 1, 1, 1, 0.2, -0.0];
        MonthContext.Accumulate(row, add);
        // 0.1 + 0.2 rounds to 0.30000000000000004; −0 + −0 is −0.
        double[] expected = [1, 2, 3, 4, 5, 6, 7, 0.30000000000000004, -0.0];
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), row.Select(BitConverter.DoubleToInt64Bits));
    }
}
