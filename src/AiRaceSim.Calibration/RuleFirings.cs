using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Calibration;

/// <summary>One threshold rule firing in one member.</summary>
public sealed record RuleFiring(string Rule, int Member, Month Month);

/// <summary>
/// When each threshold rule fires in each member. A run records no firings (the charts infer them
/// from the median's tier and support), so they are replayed here from the recorded series the
/// rules read, through the kernel's own pieces: <see cref="ThresholdRule.Holds"/> on the value of
/// t−1 (the measured gap recorded at t−1, or the government's perceived gap, which it updates at t
/// before its rules read it), the window <see cref="ThresholdRule.ActiveIn"/>, the streak, once
/// and cooldown memory <see cref="RuleState.Evaluate"/>, and the rule's chance draw from the
/// member's counter-based stream (<see cref="DrawSlot.RuleChance"/>). A test holds the replay to
/// the kernel's own rule memory at the end of a run.
/// </summary>
public static class RuleFirings
{
    /// <summary>The series a rule reads.</summary>
    public static SeriesKey Reads(ThresholdRule rule) => rule.Metric switch
    {
        RuleMetric.PerceivedGap => new SeriesKey(rule.Government, "perceived_gap_months"),
        RuleMetric.ComputeGap => new SeriesKey(SeriesCatalog.PairName(new GapPair(rule.Of, rule.Behind)), "compute_gap_months"),
        _ => new SeriesKey(SeriesCatalog.PairName(new GapPair(rule.Of, rule.Behind)), "capability_gap_months"),
    };

    public static IEnumerable<SeriesKey> Needs(WorldSpec spec) => spec.Rules.Select(Reads).Distinct();

    /// <summary>Every firing of every rule in every member, in months before <paramref name="until"/>.</summary>
    public static IReadOnlyList<RuleFiring> Before(WorldSpec spec, EnsembleSeries series, Month until)
    {
        var firings = new List<RuleFiring>();
        var draws = new MemberDraws(spec.Seed, 0, series.Members, spec.Deterministic);
        for (int r = 0; r < spec.Rules.Count; r++)
        {
            var rule = spec.Rules[r];
            var reads = Reads(rule);
            var state = new RuleState(series.Members);
            int key = rule.Key(r);
            bool perceived = rule.Metric == RuleMetric.PerceivedGap;
            string name = rule.Name ?? $"{rule.Government}#{r}";
            for (var t = spec.Start; t < until && t <= spec.End; t += 1)
            {
                int ti = t - spec.Start;
                bool active = rule.ActiveIn(t);
                for (int m = 0; m < series.Members; m++)
                {
                    if (!active) { state.Streak[m] = 0; continue; }
                    double value = series.At(reads, perceived ? t : t - 1, m);
                    bool held = ti > 0 && rule.Holds(value, t - 1);
                    if (state.Evaluate(rule, m, held, ti, draws.Uniform(m, key, ti, DrawSlot.RuleChance))) firings.Add(new RuleFiring(name, m, t));
                }
            }
        }
        return firings;
    }
}
