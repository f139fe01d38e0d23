using AiRaceSim.Output;
using MathNet.Numerics.Statistics;

namespace AiRaceSim.Cli.Tests;

/// <summary>Quantiles by selection against sorting: the same values on small cases, ties, infinities and one member.</summary>
public class SampleQuantilesTests
{
    private static readonly double[] Levels = [0.05, 0.25, 0.5, 0.75, 0.95];

    private static double[] BySelection(double[] values, double[] levels)
    {
        var copy = (double[])values.Clone();
        var result = new double[levels.Length];
        SampleQuantiles.Select(copy, levels, result);
        return result;
    }

    private static double[] BySorting(double[] values, double[] levels)
    {
        var sorted = values.Order().ToArray();
        return levels.Select(p => SampleQuantiles.Of(sorted, p)).ToArray();
    }

    [Fact]
    public void R7_by_hand_on_five_values()
    {
        // Sorted 1, 2, 4, 8, 16; h = 4p: p05 → h 0.2: 1 + 0.2·1 = 1.2; p25 → h 1: 2; p50 → 4;
        // p75 → h 3: 8; p95 → h 3.8: 8 + 0.8·8 = 14.4.
        double[] expected = [1.2, 2, 4, 8, 14.4];
        var got = BySelection([16, 1, 8, 2, 4], Levels);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], 12);
    }

    [Fact]
    public void Selection_equals_sorting_on_many_small_cases()
    {
        // A fixed generator (no System.Random): sizes 1..300, values from a few distinct levels
        // (many ties) or spread out, each level set also with an extreme level 0 and 1.
        ulong state = 0x9E3779B97F4A7C15;
        double Next() { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return (state >> 11) * (1.0 / (1UL << 53)); }
        double[][] levelSets = [Levels, [0, 0.5, 1], [0.1, 0.1, 0.9], [0.999]];
        int cases = 0;
        for (int n = 1; n <= 300; n += n < 40 ? 1 : 37)
            foreach (bool ties in new[] { false, true })
            {
                // Ties: a few levels including both infinities and both zeros, so the partition loop (n ≥ 16) meets them too.
                double[] tieLevels = [double.NegativeInfinity, -0.0, 0.0, 1, double.PositiveInfinity];
                var values = Enumerable.Range(0, n).Select(_ => ties ? tieLevels[(int)(Next() * tieLevels.Length)] : Next() * 100 - 50).ToArray();
                foreach (var levels in levelSets)
                {
                    Assert.Equal(BySorting(values, levels), BySelection(values, levels));
                    cases++;
                }
            }
        Assert.Equal(4 * 2 * (39 + 8), cases);
    }

    [Fact]
    public void Selection_equals_sorting_on_large_cases_by_buckets()
    {
        // From 512 values selection goes by buckets between the least and greatest value: shapes that
        // stress it are a smooth spread, a cluster between far outliers (a bucket split again), integers with
        // ties, a constant with −0 and +0, a range wider than doubles can subtract, and infinities.
        ulong state = 0x2545F4914F6CDD1D;
        double Next() { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return (state >> 11) * (1.0 / (1UL << 53)); }
        Func<int, double>[] shapes =
        [
            i => Next() * 100 - 50,
            i => i % 97 == 0 ? (Next() < 0.5 ? -1e12 : 1e12) : 3 + Next() * 1e-9,
            i => i % 501 == 0 ? 1e300 : 1 + Next() * 1e-6 * (Next() < 0.001 ? 1e5 : 1),
            i => Math.Floor(Next() * 4),
            i => Next() < 0.5 ? -0.0 : 0.0,
            i => Next() < 0.5 ? -1.5e308 : 1.5e308 * Next(),
            i => Next() < 0.01 ? double.PositiveInfinity : Next(),
            i => 7,
        ];
        // And 300 levels: more ranks than one bucket pass places (they go to quickselect).
        double[][] levelSets = [Levels, [0, 0.5, 1], [0.001, 0.999], Enumerable.Range(0, 300).Select(i => i / 299.0).ToArray()];
        foreach (int n in new[] { 512, 513, 1000, 4099 })
            foreach (var shape in shapes)
            {
                var values = Enumerable.Range(0, n).Select(shape).ToArray();
                foreach (var levels in levelSets)
                {
                    var expected = BySorting(values, levels);
                    var got = BySelection(values, levels);
                    for (int i = 0; i < levels.Length; i++)
                        Assert.True(expected[i].Equals(got[i]) || (expected[i] == 0 && got[i] == 0), $"n {n}, level {levels[i]}: {got[i]} for {expected[i]}");
                }
            }
    }

    [Fact]
    public void Selection_agrees_with_MathNet_R7()
    {
        var values = Enumerable.Range(0, 257).Select(i => Math.Sin(i * 1.7) * 30 + i % 7).ToArray();
        var got = BySelection(values, Levels);
        var sorted = values.Order().ToArray();
        for (int i = 0; i < Levels.Length; i++)
            Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, Levels[i], QuantileDefinition.R7), got[i], 10);
    }

    [Fact]
    public void Infinities_and_one_member_and_none()
    {
        double inf = double.PositiveInfinity;
        Assert.Equal(BySorting([1, inf, 3, inf], Levels), BySelection([1, inf, 3, inf], Levels));
        Assert.Equal(inf, BySelection([1, 2, inf], [0.75])[0]); // towards +∞ is +∞, not NaN
        Assert.Equal(double.NegativeInfinity, BySelection([double.NegativeInfinity, 2, 5], [0.25])[0]);
        Assert.Equal([7.0, 7, 7, 7, 7], BySelection([7], Levels));
        Assert.All(BySelection([], Levels), q => Assert.True(double.IsNaN(q)));
    }

    [Fact]
    public void Levels_must_be_ascending() =>
        Assert.Throws<ArgumentException>(() => BySelection([1, 2, 3], [0.5, 0.25]));
}
