using AiRaceSim.Experiments.Analyses;

namespace AiRaceSim.Workflows;

/// <summary>The analyses an experiment file asks for, on its results; an outcome that cannot be analysed is skipped with the reason.</summary>
public sealed record ExperimentAnalysis(
    IReadOnlyList<(string Outcome, SobolResult Result)> Sobol,
    IReadOnlyList<(string Outcome, IReadOnlyList<MorrisFactor> Result)> Morris,
    PrimResult? Prim,
    IReadOnlyList<string> Skipped)
{
    /// <summary>analyses.pairs: A against B per outcome, and the member-by-member differences A − B.</summary>
    public IReadOnlyList<(string Outcome, PairedResult Result, double[] Differences)> Pairs { get; init; } = [];

    public static ExperimentAnalysis Of(ExperimentResults r)
    {
        var e = r.Experiment;
        var skipped = new List<string>();
        int Index(string name) => e.Outcomes.Select((o, i) => (o, i)).First(x => x.o.Name == name).i;
        var sobol = new List<(string, SobolResult)>();
        if (e.Sobol is { } s)
            foreach (var name in s.Outcomes)
            {
                try { sobol.Add((name, SobolIndices.Analyse(r.PointMeans(Index(name)), e.Factors.Count, e.Design.SecondOrder, s.Level, s.Resamples))); }
                catch (ArgumentException x) { skipped.Add($"sobol of {name}: {x.Message}"); }
            }
        var morris = new List<(string, IReadOnlyList<MorrisFactor>)>();
        if (e.Morris is { } m)
            foreach (var name in m.Outcomes)
            {
                try { morris.Add((name, MorrisIndices.Analyse(r.Morris!, r.PointMeans(Index(name)), m.Level, m.Resamples))); }
                catch (ArgumentException x) { skipped.Add($"morris of {name}: {x.Message}"); }
            }
        PrimResult? prim = null;
        if (e.Prim is { } p)
        {
            int o = Index(p.Condition.Outcome);
            bool month = e.Outcomes[o].IsMonth;
            var x = new List<double[]>();
            var interest = new List<bool>();
            for (int point = 0; point < r.Values.Length; point++)
                foreach (var v in r.Outcomes[point][o])
                {
                    x.Add(r.Values[point]);
                    // A month outcome's 'never' is later than every month.
                    interest.Add(p.Condition.Holds(month && double.IsNaN(v) ? double.PositiveInfinity : v));
                }
            try { prim = AiRaceSim.Experiments.Analyses.Prim.Analyse(x, interest, p.Alpha, p.MinMass, p.MinDensity); }
            catch (ArgumentException ex) { skipped.Add($"prim on '{p.Condition.Text}': {ex.Message}"); }
        }
        var pairs = new List<(string, PairedResult, double[])>();
        if (e.Pairs is { } q && r.Pairs is var (pa, pb))
            foreach (var (name, o) in q.Outcomes.Select((n, i) => (n, i)))
            {
                try
                {
                    var differences = pa[o].Zip(pb[o], (x, y) => x - y).Where(double.IsFinite).ToArray();
                    pairs.Add((name, PairedResult.Analyse(pa[o], pb[o], q.Level), differences));
                }
                catch (ArgumentException x) { skipped.Add($"pairs of {name}: {x.Message}"); }
            }
        return new ExperimentAnalysis(sobol, morris, prim, skipped) { Pairs = pairs };
    }
}
