using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Months as scenario files write them (yyyy-MM) and back; the central values and inverse CDFs of
/// each kind of distribution at probabilities away from 0.5, against values worked out by hand
/// (or from a CDF written out here); the bounds of a gap seen from the other side.
/// </summary>
public class MonthAndDistributionTests
{
    [Theory]
    [InlineData("2024-03", 2024, 3)]
    [InlineData("0001-01", 1, 1)]     // the first year accepted
    [InlineData("1999-12", 1999, 12)] // the last month of a year
    [InlineData("9999-10", 9999, 10)]
    public void A_month_parses_from_yyyy_MM(string text, int year, int month)
    {
        Assert.True(Month.TryParse(text, out var m));
        Assert.Equal(year * 12 + month - 1, m.Index);
        Assert.Equal((year, month), (m.Year, m.MonthOfYear));
        Assert.Equal(m, Month.Parse(text));
        Assert.Equal(text, m.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-3")]    // too short
    [InlineData("2024-003")]  // too long
    [InlineData("2024/03")]   // not a dash
    [InlineData("20x4-03")]   // not a year
    [InlineData("+202-03")]   // a sign is not a digit
    [InlineData(" 202-03")]
    [InlineData("2024-+3")]
    [InlineData("2024-1a")]
    [InlineData("2024-13")]   // months are 1..12
    [InlineData("2024-00")]
    [InlineData("0000-06")]   // years from 1
    public void Anything_else_is_not_a_month(string? text)
    {
        Assert.False(Month.TryParse(text, out var m));
        Assert.Equal(default, m);
    }

    [Fact]
    public void Parse_names_the_text_it_refuses()
    {
        var e = Assert.Throws<FormatException>(() => Month.Parse("2024-13"));
        Assert.Equal("'2024-13' is not a month of the form yyyy-MM", e.Message);
    }

    [Fact]
    public void A_month_prints_four_digit_years_and_two_digit_months()
    {
        Assert.Equal("0987-04", Month.Of(987, 4).ToString());
        Assert.Equal("2030-11", Month.Of(2030, 11).ToString());
        Assert.Equal("2021-01", (Month.Of(2020, 11) + 2).ToString());
        Assert.Equal("2019-12", (Month.Of(2020, 2) - 2).ToString());
        for (var m = Month.Of(2019, 1); m < Month.Of(2022, 1); m += 1) Assert.Equal(m, Month.Parse(m.ToString()));
    }

    [Fact]
    public void Months_order_and_subtract_as_whole_months()
    {
        Month a = Month.Of(2023, 11), b = Month.Of(2024, 2), same = new(a.Index);
        Assert.Equal(3, b - a);
        Assert.Equal(-3, a - b);
        Assert.True(a < b && b > a && a <= b && b >= a && a <= same && a >= same && !(a < same) && !(a > same));
        Assert.True(a.CompareTo(b) < 0 && b.CompareTo(a) > 0 && a.CompareTo(Month.Of(2023, 11)) == 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Month.Of(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Month.Of(2024, 13));
    }

    [Fact]
    public void Fixed_and_normal()
    {
        Assert.Equal(3.25, new Fixed(3.25).InverseCdf(0.9));
        Assert.Equal(3.25, new Fixed(3.25).Central);
        var n = new NormalDist(10, 2);
        Assert.Equal(10, n.Central);
        Assert.Equal(10 + 2 * 1.959963985, n.InverseCdf(0.975), 6);  // z(0.975)
        Assert.Equal(10 - 2 * 1.2815515655, n.InverseCdf(0.1), 6);   // z(0.1) = −z(0.9)
        Assert.Equal(10, new NormalDist(10, 0).InverseCdf(0.9));      // no spread
    }

    [Fact]
    public void Log_normal()
    {
        var d = new LogNormalDist(Math.Log(5), 0.4);
        Assert.Equal(5, d.Central, 12);
        Assert.Equal(5 * Math.Exp(0.4 * 1.959963985), d.InverseCdf(0.975), 6);
        Assert.Equal(5 * Math.Exp(-0.4 * 1.2815515655), d.InverseCdf(0.1), 6);
        Assert.Equal(5, new LogNormalDist(Math.Log(5), 0).InverseCdf(0.9), 12);
        // Median 5 and 95th percentile 12: σ = ln(12/5)/z95, and the 95th percentile comes back.
        var p = LogNormalDist.FromMedianP95(5, 12);
        Assert.Equal(Math.Log(5), p.Mu, 12);
        Assert.Equal(Math.Log(2.4) / 1.6448536269514722, p.Sigma, 12);
        Assert.Equal(12, p.InverseCdf(0.95), 9);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 2)]
    [InlineData(5, 5)]   // p95 must lie above the median
    [InlineData(5, 4)]
    public void A_log_normal_needs_a_positive_median_below_its_95th_percentile(double median, double p95)
    {
        var e = Assert.Throws<ArgumentException>(() => LogNormalDist.FromMedianP95(median, p95));
        Assert.Equal("log-normal needs 0 < median < p95", e.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Beta_stretched_onto_an_interval_inverts_its_cdf(double u)
    {
        // Beta(2, 5) on [10, 30]: with x = (v − 10)/20, F(x) = 1 − (1 − x)^6 − 6x(1 − x)^5 (n = a + b − 1 = 6).
        var d = new BetaDist(2, 5, 10, 30);
        double v = u == 0.5 ? d.Central : d.InverseCdf(u), x = (v - 10) / 20;
        Assert.InRange(v, 10, 30);
        Assert.Equal(u, 1 - Math.Pow(1 - x, 6) - 6 * x * Math.Pow(1 - x, 5), 9);
    }

    [Fact]
    public void Uniform_and_triangular()
    {
        var u = new UniformDist(2, 10);
        Assert.Equal(4, u.InverseCdf(0.25), 12);
        Assert.Equal(9.2, u.InverseCdf(0.9), 12);
        Assert.Equal(6, u.Central, 12);
        // Triangular(0, mode 2, 10): F(x) = x²/20 up to the mode (F = 0.2 there), 1 − (10 − x)²/80 above it.
        var t = new TriangularDist(0, 2, 10);
        Assert.Equal(Math.Sqrt(2), t.InverseCdf(0.1), 9);
        Assert.Equal(2, t.InverseCdf(0.2), 9);
        Assert.Equal(10 - Math.Sqrt(8), t.InverseCdf(0.9), 9);
        Assert.Equal(10 - Math.Sqrt(40), t.Central, 9);
    }

    [Theory]
    // Values 1, 5, 9 with weights 2, 5, 3 (total 10): u·10 below 2 gives 1, below 7 gives 5, else 9.
    [InlineData(0.0, 1.0)]
    [InlineData(0.19, 1.0)]
    [InlineData(0.2, 5.0)]   // at a step: the next value
    [InlineData(0.5, 5.0)]
    [InlineData(0.69, 5.0)]
    [InlineData(0.75, 9.0)]
    [InlineData(1.0, 9.0)]   // the top: past every step, the last value
    public void Discrete_walks_the_weights(double u, double expected) =>
        Assert.Equal(expected, new DiscreteDist([1, 5, 9], [2, 5, 3]).InverseCdf(u));

    [Fact]
    public void Discrete_central_value_is_the_median_value()
    {
        Assert.Equal(5, new DiscreteDist([1, 5, 9], [2, 5, 3]).Central);
        Assert.Equal(9, new DiscreteDist([1, 5, 9], [2, 2, 6]).Central);   // 0.5·10 = 5 ≥ 2 + 2
        Assert.Equal(1, new DiscreteDist([1, 5, 9], [0.3, 0.1, 0.1]).Central); // weights need not sum to 1: 0.5·0.5 < 0.3
    }

    [Theory]
    // Poisson(3.5): F(0) = 0.0302, F(1) = 0.1359, F(2) = 0.3208, F(3) = 0.5366, F(4) = 0.7254.
    [InlineData(0.02, 0)]
    [InlineData(0.1, 1)]
    [InlineData(0.5, 3)]
    [InlineData(0.7, 4)]
    public void Poisson_is_the_smallest_count_whose_cdf_reaches_u(double u, double expected)
    {
        var d = new PoissonDist(3.5);
        Assert.Equal(expected, d.InverseCdf(u));
        Assert.Equal(3.5, d.Central);
    }

    [Theory]
    // Mean 4, size 2: p = 2/(2 + 4) = 1/3, P(k) = (k + 1)·(1/9)·(2/3)^k:
    // F(0) = 0.1111, F(1) = 0.2593, F(2) = 0.4074, F(3) = 0.5391, F(4) = 0.6488, F(5) = 0.7366.
    [InlineData(0.1, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.5, 3)]
    [InlineData(0.7, 5)]
    public void Negative_binomial_is_the_smallest_count_whose_cdf_reaches_u(double u, double expected)
    {
        var d = new NegativeBinomialDist(4, 2);
        Assert.Equal(expected, d.InverseCdf(u));
        Assert.Equal(4, d.Central);
    }

    [Fact]
    public void A_gap_seen_from_the_other_side_swaps_its_bounds()
    {
        Assert.Equal(new GapResult(-3.5, GapFlag.AtLeast), new GapResult(3.5, GapFlag.AtMost).Negate());
        Assert.Equal(new GapResult(-2, GapFlag.AtMost), new GapResult(2, GapFlag.AtLeast).Negate());
        Assert.Equal(new GapResult(1.5, GapFlag.Exact), new GapResult(-1.5, GapFlag.Exact).Negate());
        Assert.Equal(new GapResult(-4, GapFlag.Extrapolated), new GapResult(4, GapFlag.Extrapolated).Negate());
        Assert.Equal(GapFlag.Undefined, GapResult.Undefined.Negate().Flag);
    }
}
