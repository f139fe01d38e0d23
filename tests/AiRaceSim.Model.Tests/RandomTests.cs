using AiRaceSim.Model.Random;
using MathNet.Numerics.Distributions;

namespace AiRaceSim.Model.Tests;

public class RandomTests
{
    [Fact]
    public void Draws_are_pure_functions_of_their_key()
    {
        Assert.Equal(CounterRng.Bits(7, 3, 11, 40, 2), CounterRng.Bits(7, 3, 11, 40, 2));
        var seen = new HashSet<ulong>
        {
            CounterRng.Bits(7, 3, 11, 40, 2), CounterRng.Bits(8, 3, 11, 40, 2), CounterRng.Bits(7, 4, 11, 40, 2),
            CounterRng.Bits(7, 3, 12, 40, 2), CounterRng.Bits(7, 3, 11, 41, 2), CounterRng.Bits(7, 3, 11, 40, 3),
        };
        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public void A_months_draws_folded_from_their_shared_key_are_the_draws_of_the_full_key()
    {
        // Block of members 40.. of seed 9: member 2 of the block is global member 42.
        var draws = new AiRaceSim.Model.Parameters.MemberDraws(9, 40, 5, Deterministic: false);
        foreach (int slot in new[] { 0, 1, 7, 1000, int.MaxValue })
        {
            Assert.Equal(CounterRng.Uniform(9, 42, 13, 77, slot), draws.ForMonth(2, 13, 77).Uniform(slot));
            Assert.Equal(CounterRng.Bits(9, 42, 13, 77, slot), CounterRng.WithSlot(CounterRng.Prefix(9, 42, 13, 77), slot));
        }
        Assert.NotEqual(draws.ForMonth(2, 13, 77).Uniform(1), draws.ForMonth(2, 13, 78).Uniform(1));
        Assert.Equal(0.5, (draws with { Deterministic = true }).ForMonth(2, 13, 77).Uniform(1));
        // The actor's chains folded once for the run (as a firm keeps them): the same draws, member by member of the block.
        var actor = draws.ForActor(13);
        for (int m = 0; m < 5; m++)
            foreach (int slot in new[] { 0, 1, 7, 1000, int.MaxValue })
                Assert.Equal(CounterRng.Uniform(9, 40 + m, 13, 77, slot), actor.ForMonth(m, 77).Uniform(slot));
        Assert.Throws<IndexOutOfRangeException>(() => actor.ForMonth(5, 77)); // one chain per member of the block
        var fixedActor = (draws with { Deterministic = true }).ForActor(13);
        Assert.True(fixedActor.Deterministic);
        Assert.Equal(0.5, fixedActor.ForMonth(2, 77).Uniform(1));
    }

    [Fact]
    public void Uniforms_lie_strictly_inside_the_unit_interval_and_are_uniform()
    {
        const int n = 200_000;
        var bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double u = CounterRng.Uniform(1, i, 5, 0, 1);
            Assert.True(u > 0 && u < 1, $"u = {u:R}"); // (1 − 1e-17 is 1.0 in doubles, so no InRange bound)
            bins[(int)(u * 10)]++;
            sum += u;
        }
        Assert.Equal(0.5, sum / n, 2);
        // χ² with 9 degrees of freedom: 27.88 is its 0.999 quantile.
        double chi2 = bins.Sum(b => Math.Pow(b - n / 10.0, 2) / (n / 10.0));
        Assert.True(chi2 < 27.88, $"chi2 = {chi2}");
    }

    [Fact]
    public void The_extreme_bit_patterns_map_strictly_inside_the_unit_interval()
    {
        // All 53 top bits set: (2^53 − 1 + 1/2)·2^−53 would round to exactly 1.
        double top = CounterRng.UnitInterval(ulong.MaxValue);
        Assert.True(top < 1, $"u = {top:R}");
        Assert.Equal(1 - Math.Pow(2, -53), top);
        // One step below: 2^53 − 2 is even, so (k + 1/2) rounds down to k: (1 − 2^−52).
        Assert.Equal(1 - Math.Pow(2, -52), CounterRng.UnitInterval((ulong.MaxValue >> 11 << 11) - (1UL << 11)));
        // All bits clear: half a step above 0, never 0 itself.
        Assert.Equal(Math.Pow(2, -54), CounterRng.UnitInterval(0));
        Assert.Equal(1.5 * Math.Pow(2, -53), CounterRng.UnitInterval(1UL << 11));
        // Uniform is this mapping of Bits.
        Assert.Equal(CounterRng.UnitInterval(CounterRng.Bits(7, 3, 11, 40, 2)), CounterRng.Uniform(7, 3, 11, 40, 2));
    }

    [Fact]
    public void Continuous_inverse_cdfs_give_known_quantiles()
    {
        Assert.Equal(1.959963985, new NormalDist(0, 1).InverseCdf(0.975), 6);
        var ln = LogNormalDist.FromMedianP95(8, 14);
        Assert.Equal(8, ln.InverseCdf(0.5), 9);
        Assert.Equal(14, ln.InverseCdf(0.95), 6);
        Assert.Equal(0.5, new BetaDist(4, 4).InverseCdf(0.5), 9);
        Assert.Equal(0.3, new BetaDist(2, 2, 0, 0.6).InverseCdf(0.5), 9);
        Assert.Equal(0.15 + 0.35 * 0.25, new UniformDist(0.15, 0.5).InverseCdf(0.25), 12);
        // Triangular(0, 1, 2): F(x) = x²/2 on [0, 1], so the 0.125 quantile is 0.5.
        Assert.Equal(0.5, new TriangularDist(0, 1, 2).InverseCdf(0.125), 9);
        Assert.Equal(3.0, new DiscreteDist([1, 2, 3], [1, 1, 2]).InverseCdf(0.6));
        Assert.Equal(1.0, new DiscreteDist([1, 2, 3], [1, 1, 2]).InverseCdf(0.2));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(250)]
    [InlineData(3000)]
    public void Count_inverse_cdfs_return_the_smallest_k_whose_cdf_reaches_u(double mean)
    {
        foreach (double u in new[] { 0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999 })
        {
            int k = (int)CountQuantiles.Poisson(mean, u);
            Assert.True(Poisson.CDF(mean, k) >= u - 1e-9, $"Poisson({mean}) u={u} k={k}");
            Assert.True(k == 0 || Poisson.CDF(mean, k - 1) < u + 1e-9, $"Poisson({mean}) u={u} k={k} not smallest");

            const double r = 20;
            double p = r / (r + mean);
            int j = (int)CountQuantiles.NegativeBinomial(mean, r, u);
            Assert.True(NegativeBinomial.CDF(r, p, j) >= u - 1e-9, $"NB({mean}) u={u} k={j}");
            Assert.True(j == 0 || NegativeBinomial.CDF(r, p, j - 1) < u + 1e-9, $"NB({mean}) u={u} k={j} not smallest");
        }
    }

    [Fact]
    public void Actor_keys_come_from_names_not_positions()
    {
        Assert.Equal(ActorKey.Of("firm", "deepseek"), ActorKey.Of("firm", "deepseek"));
        Assert.NotEqual(ActorKey.Of("firm", "deepseek"), ActorKey.Of("firm", "qwen"));
        Assert.NotEqual(ActorKey.Of("firm", "CN"), ActorKey.Of("country", "CN"));
        Assert.NotEqual(ActorKey.World, ActorKey.Of("firm", "x"));
    }

    [Fact]
    public void The_fast_normal_quantile_agrees_with_mathnet()
    {
        for (int i = 1; i < 10000; i++)
        {
            double p = i / 10000.0;
            Assert.Equal(Normal.InvCDF(0, 1, p), NormalQuantile.Standard(p), 12);
        }
        foreach (double p in new[] { 1e-300, 1e-15, 1e-6, 1 - 1e-6, 1 - 1e-15 })
            Assert.Equal(Normal.InvCDF(0, 1, p), NormalQuantile.Standard(p), 10);
    }

    [Fact]
    public void The_normal_quantile_of_zero_and_one_is_an_infinity_of_the_matching_sign()
    {
        // Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞ by definition (the counter stream never gives either; the function is public).
        Assert.Equal(double.NegativeInfinity, NormalQuantile.Standard(0));
        Assert.Equal(double.PositiveInfinity, NormalQuantile.Standard(1));
        double[] p = [0, 0.5, 1, 0.3, 0, 1, 0.7, 0.5, 1];
        var x = new double[p.Length];
        NormalQuantile.Standard(p, x);
        Assert.Equal([double.NegativeInfinity, 0, double.PositiveInfinity], x[..3]);
        Assert.Equal([double.NegativeInfinity, double.PositiveInfinity], x[4..6]);
        Assert.Equal(double.PositiveInfinity, x[8]);
        Assert.Equal(p.Select(NormalQuantile.Standard), x); // and the finite lanes as one at a time
    }

    [Fact]
    public void Normal_quantiles_of_many_at_once_are_the_one_at_a_time_quantiles_bit_for_bit()
    {
        // Both sides of the central region's edges (|p - 0.5| = 0.425), the far tails, and lengths that
        // leave a remainder after the four-wide vectors; the batch writes over its input, as the firm step does.
        var edges = new[] { 0.075, 0.925, 0.075 - 1e-17, 0.925 + 1e-16, Math.BitDecrement(0.075), Math.BitIncrement(0.925),
            1e-300, 1e-15, 0.5, 1 - 1e-15, CounterRng.LargestBelowOne, double.Epsilon };
        var values = edges.Concat(Enumerable.Range(0, 2001).Select(i => CounterRng.Uniform(7, i, 3, 11, 2))).ToArray();
        foreach (int length in new[] { 1, 3, 4, 5, 12, values.Length })
        {
            var p = values[..length];
            var x = (double[])p.Clone();
            NormalQuantile.Standard(x, x);
            for (int i = 0; i < length; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(NormalQuantile.Standard(p[i])), BitConverter.DoubleToInt64Bits(x[i]));
        }
        Assert.Throws<ArgumentException>(() => NormalQuantile.Standard(new double[3], new double[2]));
    }

    [Fact]
    public void The_fast_negative_binomial_is_exact_for_small_means_and_close_above()
    {
        foreach (double mean in new[] { 0.5, 3, 16 })
            for (int i = 1; i < 1000; i++)
                Assert.Equal(CountQuantiles.NegativeBinomial(mean, 20, i / 1000.0), CountQuantiles.NegativeBinomialFast(mean, 20, i / 1000.0));
        // Above the exact limit: within 2 counts or a quarter of a standard deviation everywhere in
        // (0.001, 0.999), and within 5 % of one where the dispersion is 20 or more and the mean 500 or more.
        foreach (double mean in new[] { 17.0, 50, 100, 500, 3000, 20000 })
            foreach (double r in new[] { 2.0, 5, 20, 100 })
            {
                double sd = Math.Sqrt(mean + mean * mean / r), bound = r >= 20 && mean >= 500 ? 0.05 : 0.25;
                for (int i = 1; i < 1000; i++)
                {
                    double u = i / 1000.0;
                    double error = Math.Abs(CountQuantiles.NegativeBinomialFast(mean, r, u) - CountQuantiles.NegativeBinomial(mean, r, u));
                    Assert.True(error <= Math.Max(2, bound * sd), $"mean {mean}, r {r}, u {u}: off by {error} ({error / sd:F3} sd)");
                }
            }
    }
}
