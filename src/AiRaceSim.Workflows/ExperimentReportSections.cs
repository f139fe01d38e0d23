using System.Globalization;
using AiRaceSim.Reports;
using AiRaceSim.Reports.Charts;

namespace AiRaceSim.Workflows;

/// <summary>An experiment's report: its design in words and one section per analysis (table and chart).</summary>
public static class ExperimentReportSections
{
    public static IReadOnlyList<string> Write(string folder, ExperimentResults r, ExperimentAnalysis a)
    {
        var e = r.Experiment;
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        var factors = e.Factors.Select(f => f.Path).ToList();
        var design = new List<string>
        {
            $"Scenario: {e.Scenario.Base.Name}; seed {e.Seed}; {e.Members} member{(e.Members == 1 ? "" : "s")} per design point on common random numbers.",
            $"Design: {e.Design.Kind.ToString().ToLowerInvariant()}, {e.Points:N0} points, {e.Points * e.Members:N0} runs.",
        };
        design.AddRange(e.Factors.Select(f => $"Factor {f.Path}: {f.Scale.Describe()}."));
        var sections = new List<ExperimentSection>();
        foreach (var (outcome, s) in a.Sobol)
        {
            var order = Enumerable.Range(0, factors.Count).OrderByDescending(i => s.Total[i].Value).ToList();
            double level = s.First[0].Level;
            string pc = ExperimentCharts.Percent(level);
            sections.Add(new ExperimentSection($"Sobol indices of {outcome}",
                "S1: the share of the outcome's variance that the factor explains alone; ST: its share including every interaction. " +
                $"ST well above S1 means the factor acts through interactions. Intervals ({pc}): ± {Experiments.Analyses.Resampling.Z(level).ToString("0.00", CultureInfo.InvariantCulture)} standard deviations of the estimate over bootstrap resamples of the base points.",
                ["factor", "S1", $"S1 {pc} interval", "ST", $"ST {pc} interval"],
                order.Select(i => (IReadOnlyList<string>)[factors[i], F(s.First[i].Value), $"[{F(s.First[i].Low)}, {F(s.First[i].High)}]", F(s.Total[i].Value), $"[{F(s.Total[i].Low)}, {F(s.Total[i].High)}]"]).ToList(),
                folder => ExperimentCharts.Sobol(new SobolBars(outcome, factors, s.First.Select(x => x.Value).ToArray(), s.First.Select(x => x.High - x.Value).ToArray(),
                    s.Total.Select(x => x.Value).ToArray(), s.Total.Select(x => x.High - x.Value).ToArray(), level), folder, "sobol-" + outcome),
                $"Sobol indices of {outcome}, S1 and ST per factor with {pc} intervals"));
        }
        foreach (var (outcome, m) in a.Morris)
        {
            var order = Enumerable.Range(0, factors.Count).OrderByDescending(i => m[i].MuStar.Value).ToList();
            double level = m[0].MuStar.Level;
            string pc = ExperimentCharts.Percent(level);
            sections.Add(new ExperimentSection($"Morris elementary effects of {outcome}",
                "μ*: the mean absolute change of the outcome when the factor moves by Δ, per its whole range (how much it matters); " +
                "σ: the spread of those changes (interactions or non-linearity); μ: their mean (a sign, when they agree).",
                ["factor", "μ*", $"μ* {pc} interval", "μ", "σ"],
                order.Select(i => (IReadOnlyList<string>)[factors[i], F(m[i].MuStar.Value), $"[{F(m[i].MuStar.Low)}, {F(m[i].MuStar.High)}]", F(m[i].Mu), F(m[i].Sigma)]).ToList(),
                folder => ExperimentCharts.Morris(new MorrisPlane(outcome, factors, m.Select(x => x.MuStar.Value).ToArray(), m.Select(x => x.MuStar.High - x.MuStar.Value).ToArray(),
                    m.Select(x => x.Sigma).ToArray(), level), folder, "morris-" + outcome),
                $"Morris μ* against σ for {outcome}"));
        }
        if (a.Prim is { } p)
        {
            var b = p.Chosen;
            sections.Add(new ExperimentSection($"Scenario discovery (PRIM): where {e.Prim!.Condition.Text}",
                $"The condition holds in {p.Trajectory[0].Density:P1} of all runs. The chosen box (step {b.Step} of the peeling) holds {b.Mass:P1} of the runs; " +
                $"{b.Density:P1} of the runs in it meet the condition (density), and it keeps {b.Coverage:P1} of all runs that do (coverage)" +
                (p.ReachedMinDensity ? $", the most of any box at least {p.MinDensity:P0} dense." : $"; no box reaches the minimum density {p.MinDensity:P0}, so this is the densest one.") + " Restricted factors:",
                ["factor", "box low", "box high", "design low", "design high"],
                p.Restricted.Select(i => (IReadOnlyList<string>)[factors[i], b.Low[i].ToString("G4", CultureInfo.InvariantCulture), b.High[i].ToString("G4", CultureInfo.InvariantCulture),
                    p.Trajectory[0].Low[i].ToString("G4", CultureInfo.InvariantCulture), p.Trajectory[0].High[i].ToString("G4", CultureInfo.InvariantCulture)]).ToList(),
                folder => ExperimentCharts.Prim(new PrimTradeoff(e.Prim.Condition.Text, p.Trajectory.Select(x => x.Coverage).ToArray(), p.Trajectory.Select(x => x.Density).ToArray(), b.Step), folder, "prim-tradeoff"),
                "PRIM's peeling trajectory, coverage against density, and the chosen box"));
            sections.Add(new ExperimentSection("The chosen box", "Each factor's limits in the chosen box within its design range; the restricted factors in colour.", [], [],
                folder => ExperimentCharts.Box(new PrimLimits(e.Prim.Condition.Text, factors, b.Low, b.High, p.Trajectory[0].Low, p.Trajectory[0].High), folder, "prim-box"),
                "PRIM's chosen box, factor by factor"));
        }
        foreach (var (outcome, pr, differences) in a.Pairs)
        {
            var q = e.Pairs!;
            string pc = ExperimentCharts.Percent(pr.MedianDifference.Level);
            var (d, t, u) = (pr.MedianDifference, pr.DifferenceOfMedians, pr.UnpairedDifferenceOfMedians);
            sections.Add(new ExperimentSection($"{q.A.Name} against {q.B.Name}: {outcome}",
                $"Both scenarios on seed {e.Seed} with {pr.Members} members: member m of each draws the same numbers, so A − B member by member is the effect of what differs. " +
                "The median of the differences with its percentile bootstrap interval, the share of members where A is lower; then the difference of the two medians with its interval resampled in pairs and, for comparison, independently (as with independent seeds).",
                ["median of A − B", $"{pc} interval", "A lower", "median A − median B", $"{pc}, paired", $"{pc}, independent seeds"],
                [[F(d.Value), $"[{F(d.Low)}, {F(d.High)}]", pr.ShareALower.ToString("P0", CultureInfo.InvariantCulture), F(t.Value), $"[{F(t.Low)}, {F(t.High)}]", $"[{F(u.Low)}, {F(u.High)}]"]],
                folder => ExperimentCharts.Differences($"{q.A.Name} − {q.B.Name}: {outcome}, member by member", differences, d.Value, folder, "pairs-" + outcome),
                $"The distribution of the member-by-member differences of {outcome}, A = {q.A.Name}, B = {q.B.Name}"));
        }
        return ExperimentReport.Write(folder, $"Experiment {e.Name}", e.Description, design, sections);
    }
}
