namespace AiRaceSim.Experiments.Analyses;

/// <summary>First-order, total and (optionally) second-order Sobol indices of one outcome, each with its bootstrap interval.</summary>
public sealed record SobolResult(IReadOnlyList<Estimate> First, IReadOnlyList<Estimate> Total, Estimate[,]? Second, double Variance, int BaseRows);

/// <summary>
/// Sobol indices from the outputs of a <see cref="Designs.SaltelliDesign"/>, with the estimators of
/// Saltelli et al. (2010): S1_i = mean(f(B)·(f(AB_i) − f(A)))/V and, after Jansen (1999),
/// ST_i = mean((f(A) − f(AB_i))²)/(2V), with V the variance (n) of f(A) and f(B) together; second
/// order S2_ij = mean(f(BA_i)·f(AB_j) − f(A)·f(B))/V − S1_i − S1_j. Intervals: the estimate ± z times
/// the standard deviation of the estimate over bootstrap resamples of the base points (as SALib).
/// </summary>
public static class SobolIndices
{
    public static SobolResult Analyse(IReadOnlyList<double> y, int factors, bool secondOrder, double level = 0.95,
        int resamples = Resampling.DefaultResamples, ulong seed = Resampling.DefaultSeed)
    {
        int per = Designs.SaltelliDesign.RowsPerBase(factors, secondOrder);
        if (y.Count == 0 || y.Count % per != 0)
            throw new ArgumentException($"{y.Count} outputs are not a whole number of base points of {per} rows ({factors} factors{(secondOrder ? ", second order" : "")})", nameof(y));
        int n = y.Count / per;
        foreach (var v in y)
            if (!double.IsFinite(v)) throw new ArgumentException("Sobol indices need a finite output at every design point; an outcome of 'never' or with no value cannot be analysed this way", nameof(y));
        var all = Enumerable.Range(0, n).ToArray();
        var point = Indices(y, factors, secondOrder, per, all);
        var boot = new List<(double[] S1, double[] ST, double[,]? S2)>(resamples);
        var draw = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            Resampling.Draw(seed, 0, b, draw);
            var (s1, st, s2, _) = Indices(y, factors, secondOrder, per, draw);
            boot.Add((s1, st, s2));
        }
        double z = Resampling.Z(level);
        Estimate Interval(double value, IEnumerable<double> resampled)
        {
            double sd = Resampling.StandardDeviation(resampled);
            return new Estimate(value, value - z * sd, value + z * sd, level);
        }
        var first = Enumerable.Range(0, factors).Select(i => Interval(point.S1[i], boot.Select(r => r.S1[i]))).ToList();
        var total = Enumerable.Range(0, factors).Select(i => Interval(point.ST[i], boot.Select(r => r.ST[i]))).ToList();
        Estimate[,]? second = null;
        if (secondOrder)
        {
            second = new Estimate[factors, factors];
            for (int i = 0; i < factors; i++)
                for (int j = 0; j < factors; j++)
                    second[i, j] = i == j ? new Estimate(double.NaN, double.NaN, double.NaN, level)
                        : Interval(point.S2![i, j], boot.Select(r => r.S2![i, j]));
        }
        return new SobolResult(first, total, second, point.V, n);
    }

    private static (double[] S1, double[] ST, double[,]? S2, double V) Indices(IReadOnlyList<double> y, int k, bool secondOrder, int per, int[] rows)
    {
        int n = rows.Length;
        double A(int r) => y[rows[r] * per];
        double B(int r) => y[rows[r] * per + per - 1];
        double AB(int r, int i) => y[rows[r] * per + 1 + i];
        double BA(int r, int i) => y[rows[r] * per + 1 + k + i];
        double mean = 0;
        for (int r = 0; r < n; r++) mean += A(r) + B(r);
        mean /= 2 * n;
        double v = 0;
        for (int r = 0; r < n; r++) v += (A(r) - mean) * (A(r) - mean) + (B(r) - mean) * (B(r) - mean);
        v /= 2 * n;
        var s1 = new double[k];
        var st = new double[k];
        for (int i = 0; i < k; i++)
        {
            double first = 0, total = 0;
            for (int r = 0; r < n; r++)
            {
                first += B(r) * (AB(r, i) - A(r));
                total += (A(r) - AB(r, i)) * (A(r) - AB(r, i));
            }
            s1[i] = first / n / v;
            st[i] = total / (2.0 * n) / v;
        }
        double[,]? s2 = null;
        if (secondOrder)
        {
            s2 = new double[k, k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                {
                    if (i == j) continue;
                    double sum = 0;
                    for (int r = 0; r < n; r++) sum += BA(r, i) * AB(r, j) - A(r) * B(r);
                    s2[i, j] = sum / n / v - s1[i] - s1[j];
                }
        }
        return (s1, st, s2, v);
    }
}
