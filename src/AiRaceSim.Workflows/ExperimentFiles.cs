using System.Globalization;
using System.Text;
using AiRaceSim.Experiments.Analyses;
using AiRaceSim.Output;

namespace AiRaceSim.Workflows;

/// <summary>
/// An experiment's tidy tables, in invariant culture with round-trip digits: design.csv (point,
/// member, factor values), outcomes.csv (point, member, outcomes), sobol.csv and sobol2.csv,
/// morris.csv, prim-trajectory.csv and prim-box.csv, pairs.csv, as the analyses asked for.
/// </summary>
public static class ExperimentFiles
{
    public static IReadOnlyList<string> Write(string folder, ExperimentResults r, ExperimentAnalysis a)
    {
        var e = r.Experiment;
        var written = new List<string>();
        void Table(string name, string header, IEnumerable<string> rows)
        {
            using var w = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            w.WriteLine(header);
            foreach (var row in rows) w.WriteLine(row);
            written.Add(name);
        }
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string I(int x) => x.ToString(CultureInfo.InvariantCulture);
        string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        var factors = e.Factors.Select(f => Quote(f.Path)).ToList();
        var members = Enumerable.Range(0, e.Members);
        var points = Enumerable.Range(0, r.Values.Length);

        Table("design.csv", "point,member," + string.Join(',', factors),
            points.SelectMany(p => members.Select(m => $"{I(p)},{I(m)},{string.Join(',', r.Values[p].Select(F))}")));
        var start = e.Scenario.Base.Spec.Start;
        Table("outcomes.csv", "point,member," + string.Join(',', e.Outcomes.Select(o => o.Name)),
            points.SelectMany(p => members.Select(m => $"{I(p)},{I(m)},{string.Join(',', e.Outcomes.Select((o, i) => OutcomesWriter.Format(o, r.Outcomes[p][i][m], start)))}")));

        if (e.Sobol is not null)
        {
            Table("sobol.csv", "outcome,factor,index,value,low,high,level",
                a.Sobol.SelectMany(s => e.Factors.SelectMany((f, i) => new[]
                {
                    Row(s.Outcome, f.Path, "S1", s.Result.First[i]), Row(s.Outcome, f.Path, "ST", s.Result.Total[i]),
                })));
            if (e.Design.SecondOrder)
                Table("sobol2.csv", "outcome,factor,other,value,low,high,level",
                    a.Sobol.SelectMany(s => e.Factors.SelectMany((f, i) => e.Factors.Select((g, j) => (g, j)).Where(x => x.j > i)
                        .Select(x => Row(s.Outcome, f.Path, x.g.Path, s.Result.Second![i, x.j])))));
        }
        if (e.Morris is not null)
            Table("morris.csv", "outcome,factor,mu,mu_star,mu_star_low,mu_star_high,sigma,effects,level",
                a.Morris.SelectMany(m => e.Factors.Select((f, i) => string.Join(',', Quote(m.Outcome), Quote(f.Path), F(m.Result[i].Mu),
                    F(m.Result[i].MuStar.Value), F(m.Result[i].MuStar.Low), F(m.Result[i].MuStar.High), F(m.Result[i].Sigma), I(m.Result[i].Effects), F(m.Result[i].MuStar.Level)))));
        if (a.Prim is { } prim)
        {
            Table("prim-trajectory.csv", "step,coverage,density,mass,points," + string.Join(',', e.Factors.SelectMany(f => new[] { Quote(f.Path + " low"), Quote(f.Path + " high") })),
                prim.Trajectory.Select(b => $"{I(b.Step)},{F(b.Coverage)},{F(b.Density)},{F(b.Mass)},{I(b.Points)},{string.Join(',', b.Low.Zip(b.High).SelectMany(l => new[] { F(l.First), F(l.Second) }))}"));
            var first = prim.Trajectory[0];
            Table("prim-box.csv", "factor,low,high,restricted,data_low,data_high,step,coverage,density,mass",
                e.Factors.Select((f, i) => string.Join(',', Quote(f.Path), F(prim.Chosen.Low[i]), F(prim.Chosen.High[i]), prim.Restricted.Contains(i) ? "true" : "false",
                    F(first.Low[i]), F(first.High[i]), I(prim.Chosen.Step), F(prim.Chosen.Coverage), F(prim.Chosen.Density), F(prim.Chosen.Mass))));
        }
        if (e.Pairs is { } pp)
            Table("pairs.csv", "outcome,a,b,members,median_difference,low,high,share_a_lower,median_minus_median,paired_low,paired_high,independent_low,independent_high,level",
                a.Pairs.Select(x => string.Join(',', Quote(x.Outcome), Quote(pp.A.Name), Quote(pp.B.Name), I(x.Result.Members),
                    F(x.Result.MedianDifference.Value), F(x.Result.MedianDifference.Low), F(x.Result.MedianDifference.High), F(x.Result.ShareALower),
                    F(x.Result.DifferenceOfMedians.Value), F(x.Result.DifferenceOfMedians.Low), F(x.Result.DifferenceOfMedians.High),
                    F(x.Result.UnpairedDifferenceOfMedians.Low), F(x.Result.UnpairedDifferenceOfMedians.High), F(x.Result.MedianDifference.Level))));
        return written;

        string Row(string outcome, string factor, string index, Estimate x) =>
            string.Join(',', Quote(outcome), Quote(factor), Quote(index), F(x.Value), F(x.Low), F(x.High), F(x.Level));
    }
}
