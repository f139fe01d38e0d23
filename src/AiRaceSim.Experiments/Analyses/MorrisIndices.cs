using AiRaceSim.Experiments.Designs;

namespace AiRaceSim.Experiments.Analyses;

/// <summary>Morris measures of one factor: μ (mean elementary effect), μ* (mean of their absolute values) with its interval, σ (their standard deviation).</summary>
public sealed record MorrisFactor(double Mu, Estimate MuStar, double Sigma, int Effects);

/// <summary>
/// Elementary effects (f(x + Δe_i) − f(x))/Δ along each trajectory of a <see cref="MorrisDesign"/>,
/// per unit of the factor's unit-cube scale (so per whole range of the factor), and their summary
/// (Morris 1991; μ* after Campolongo, Cariboni and Saltelli 2007). The interval on μ* is the
/// estimate ± z times its standard deviation over bootstrap resamples of the trajectories (as SALib).
/// </summary>
public static class MorrisIndices
{
    public static IReadOnlyList<MorrisFactor> Analyse(MorrisDesign design, IReadOnlyList<double> y, double level = 0.95,
        int resamples = Resampling.DefaultResamples, ulong seed = Resampling.DefaultSeed)
    {
        int k = design.Design.Factors, r = design.Trajectories;
        if (y.Count != design.Design.Count) throw new ArgumentException($"{y.Count} outputs for a design of {design.Design.Count} points", nameof(y));
        foreach (var v in y)
            if (!double.IsFinite(v)) throw new ArgumentException("Morris needs a finite output at every design point; an outcome of 'never' or with no value cannot be analysed this way", nameof(y));
        var effects = new double[k][];
        for (int f = 0; f < k; f++) effects[f] = new double[r];
        for (int t = 0; t < r; t++)
        {
            int row = t * (k + 1);
            for (int s = 0; s < k; s++)
                effects[design.Order[t][s]][t] = (y[row + s + 1] - y[row + s]) / design.Step[t][s];
        }
        double z = Resampling.Z(level);
        var draw = new int[r];
        var result = new List<MorrisFactor>(k);
        for (int f = 0; f < k; f++)
        {
            var e = effects[f];
            double mu = e.Average(), muStar = e.Average(Math.Abs);
            var boot = new double[resamples];
            for (int b = 0; b < resamples; b++)
            {
                Resampling.Draw(seed, f, b, draw);
                double sum = 0;
                foreach (int i in draw) sum += Math.Abs(e[i]);
                boot[b] = sum / r;
            }
            double sd = Resampling.StandardDeviation(boot);
            result.Add(new MorrisFactor(mu, new Estimate(muStar, muStar - z * sd, muStar + z * sd, level), Resampling.StandardDeviation(e), r));
        }
        return result;
    }
}
