using AiRaceSim.Experiments.Designs;

namespace AiRaceSim.Experiments.Tests;

public class DesignTests
{
    [Fact]
    public void Sobol_points_in_the_first_two_dimensions_are_those_worked_by_hand()
    {
        // Dimension 1: v_k = 2^-k; dimension 2 (s = 1, a = 0, m1 = 1): v1 = ½, v2 = ¾, v3 = ⅝.
        // Gray-code order XORs v_c, c the lowest zero bit of i: ½; ½^¾ = ¼ (dim 2), ½^¼ = ¾ (dim 1); …
        var sobol = new SobolSequence(2);
        var p = new double[2];
        var expected = new[] { (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375), (0.875, 0.875) };
        foreach (var (x, y) in expected)
        {
            sobol.Next(p);
            Assert.Equal(x, p[0]);
            Assert.Equal(y, p[1]);
        }
    }

    [Fact]
    public void Each_dimension_of_the_first_2_to_the_m_Sobol_points_puts_one_point_in_each_of_2_to_the_m_intervals()
    {
        // Points 0..2^m − 1 of a Sobol sequence fill each interval [j/2^m, (j+1)/2^m) of every coordinate
        // once. Point 0 (all zeros) is skipped here, so points 1..2^m − 1 hit distinct intervals, none the first.
        const int m = 10;
        var sobol = new SobolSequence(SobolSequence.MaxDimensions);
        var p = new double[SobolSequence.MaxDimensions];
        var hit = new bool[SobolSequence.MaxDimensions, 1 << m];
        for (int i = 1; i < 1 << m; i++)
        {
            sobol.Next(p);
            for (int d = 0; d < p.Length; d++)
            {
                int cell = (int)(p[d] * (1 << m));
                Assert.False(hit[d, cell], $"dimension {d + 1}: two points in interval {cell}");
                hit[d, cell] = true;
            }
        }
        for (int d = 0; d < SobolSequence.MaxDimensions; d++) Assert.False(hit[d, 0]);
    }

    [Fact]
    public void Sobol_refuses_dimensions_it_has_no_direction_numbers_for()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(33));
    }

    [Fact]
    public void A_Latin_hypercube_puts_exactly_one_point_in_each_stratum_of_every_factor()
    {
        var d = LatinHypercube.Create(50, 4, seed: 7);
        Assert.Equal(50, d.Count);
        for (int f = 0; f < 4; f++)
        {
            var strata = d.Points.Select(p => (int)Math.Floor(p[f] * 50)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 50), strata);
        }
        // The strata are not matched in the same order in every factor (the permutations differ).
        Assert.NotEqual(d.Points.Select(p => (int)(p[0] * 50)), d.Points.Select(p => (int)(p[1] * 50)));
        Assert.Equal(d.Points.SelectMany(p => p), LatinHypercube.Create(50, 4, seed: 7).Points.SelectMany(p => p));
    }

    [Fact]
    public void A_factorial_design_has_every_combination_once_with_the_last_factor_fastest()
    {
        var d = FactorialDesign.Create([2, 3, 4]);
        Assert.Equal(24, d.Count);
        Assert.Equal(24, d.Points.Select(p => string.Join(',', p)).Distinct().Count());
        Assert.Equal([0.25, 1 / 6.0, 0.125], d.Points[0]);
        Assert.Equal([0.25, 1 / 6.0, 0.375], d.Points[1]);
        Assert.Equal([0.75, 5 / 6.0, 0.875], d.Points[23]);
        var levels = new LevelScale([10, 20, 30]);
        Assert.Equal([10.0, 20, 30], new[] { 1 / 6.0, 0.5, 5 / 6.0 }.Select(levels.ValueAt));
    }

    [Fact]
    public void Saltelli_rows_are_A_then_A_with_one_column_of_B_then_B()
    {
        var d = SaltelliDesign.Create(8, 3, secondOrder: true);
        int per = SaltelliDesign.RowsPerBase(3, true);
        Assert.Equal(8, per);
        Assert.Equal(64, d.Count);
        Assert.Equal(5 * 16, SaltelliDesign.Create(16, 3, secondOrder: false).Count);
        for (int j = 0; j < 8; j++)
        {
            var a = d.Points[j * per];
            var b = d.Points[j * per + per - 1];
            for (int i = 0; i < 3; i++)
            {
                var ab = d.Points[j * per + 1 + i];
                var ba = d.Points[j * per + 4 + i];
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(c == i ? b[c] : a[c], ab[c]);
                    Assert.Equal(c == i ? a[c] : b[c], ba[c]);
                }
            }
        }
        // A and B are the first and last three coordinates of a 6-dimensional Sobol sequence.
        var sobol = new SobolSequence(6);
        var p = new double[6];
        sobol.Next(p);
        Assert.Equal(p[..3], d.Points[0]);
        Assert.Equal(p[3..], d.Points[per - 1]);
    }

    [Fact]
    public void A_Morris_trajectory_moves_each_factor_once_by_delta_on_the_grid()
    {
        var m = MorrisDesign.Create(trajectories: 20, factors: 5, levels: 4, seed: 3);
        Assert.Equal(4 / 6.0, m.Delta, 15);
        Assert.Equal(20 * 6, m.Design.Count);
        for (int t = 0; t < 20; t++)
        {
            Assert.Equal(Enumerable.Range(0, 5), m.Order[t].Order());
            for (int s = 0; s < 5; s++)
            {
                var before = m.Design.Points[t * 6 + s];
                var after = m.Design.Points[t * 6 + s + 1];
                for (int f = 0; f < 5; f++)
                {
                    Assert.True(Math.Abs(after[f] * 3 - Math.Round(after[f] * 3)) < 1e-12, $"{after[f]} is off the grid 0, ⅓, ⅔, 1");
                    if (f == m.Order[t][s]) Assert.Equal(m.Delta, Math.Abs(after[f] - before[f]), 12);
                    else Assert.Equal(before[f], after[f]);
                }
                Assert.Equal(after[m.Order[t][s]] - before[m.Order[t][s]], m.Step[t][s]);
            }
        }
    }
}
