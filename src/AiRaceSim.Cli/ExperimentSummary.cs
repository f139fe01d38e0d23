using System.Globalization;
using AiRaceSim.Scenarios.Experiments;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

/// <summary>What `airace experiment` prints: each analysis's main table, most influential factors first.</summary>
internal static class ExperimentSummary
{
    public static void Write(TextWriter o, LoadedExperiment e, ExperimentAnalysis a)
    {
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        int width = Math.Max(6, e.Factors.Max(f => f.Path.Length));
        foreach (var (outcome, r) in a.Sobol)
        {
            o.WriteLine($"sobol indices of {outcome} (mean over {e.Members} member{(e.Members == 1 ? "" : "s")} per point; {r.First[0].Level:P0} intervals):");
            o.WriteLine($"  {"factor".PadRight(width)}  S1      interval          ST      interval");
            foreach (int i in Enumerable.Range(0, e.Factors.Count).OrderByDescending(i => r.Total[i].Value))
                o.WriteLine($"  {e.Factors[i].Path.PadRight(width)}  {F(r.First[i].Value),6}  [{F(r.First[i].Low)}, {F(r.First[i].High)}]  {F(r.Total[i].Value),6}  [{F(r.Total[i].Low)}, {F(r.Total[i].High)}]");
        }
        foreach (var (outcome, r) in a.Morris)
        {
            o.WriteLine($"morris elementary effects of {outcome} (per whole range of each factor):");
            o.WriteLine($"  {"factor".PadRight(width)}  mu*       interval              mu        sigma");
            foreach (int i in Enumerable.Range(0, e.Factors.Count).OrderByDescending(i => r[i].MuStar.Value))
                o.WriteLine($"  {e.Factors[i].Path.PadRight(width)}  {F(r[i].MuStar.Value),8}  [{F(r[i].MuStar.Low)}, {F(r[i].MuStar.High)}]  {F(r[i].Mu),8}  {F(r[i].Sigma),8}");
        }
        foreach (var (outcome, r, _) in a.Pairs)
        {
            var (d, t, u) = (r.MedianDifference, r.DifferenceOfMedians, r.UnpairedDifferenceOfMedians);
            o.WriteLine($"pairs: {e.Pairs!.A.Name} − {e.Pairs.B.Name}, {outcome}, {r.Members} members: median difference {F(d.Value)} [{F(d.Low)}, {F(d.High)}], " +
                $"{e.Pairs.A.Name} lower in {r.ShareALower.ToString("P0", CultureInfo.InvariantCulture)}; median − median {F(t.Value)}, paired [{F(t.Low)}, {F(t.High)}], independent seeds [{F(u.Low)}, {F(u.High)}]");
        }
        if (a.Prim is { } p)
        {
            var b = p.Chosen;
            o.WriteLine($"prim: where {e.Prim!.Condition.Text} (box {b.Step} of {p.Trajectory.Count - 1} peels: coverage {F(b.Coverage)}, density {F(b.Density)}, mass {F(b.Mass)}; {p.Trajectory[0].Density:P0} of all runs):");
            if (!p.ReachedMinDensity) o.WriteLine($"  no box reaches the minimum density {F(p.MinDensity)}: this is the densest one; lower min_density or choose a rarer condition's complement");
            if (p.Restricted.Count == 0) o.WriteLine("  no factor is restricted: the condition is as likely everywhere in the design");
            foreach (int i in p.Restricted)
                o.WriteLine($"  {e.Factors[i].Path.PadRight(width)}  {b.Low[i].ToString("G4", CultureInfo.InvariantCulture)} to {b.High[i].ToString("G4", CultureInfo.InvariantCulture)}  (design: {p.Trajectory[0].Low[i].ToString("G4", CultureInfo.InvariantCulture)} to {p.Trajectory[0].High[i].ToString("G4", CultureInfo.InvariantCulture)})");
        }
    }
}
