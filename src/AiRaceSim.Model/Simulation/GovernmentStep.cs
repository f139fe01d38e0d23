using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>The gaps of the pairs governments watch, as measured at the end of the last month.</summary>
public sealed class GapBoard(IReadOnlyList<GapPair> pairs, double[][] capability, double[][] compute)
{
    public GapBoard(IReadOnlyList<GapPair> pairs, int members)
        : this(pairs, pairs.Select(_ => Filled(members)).ToArray(), pairs.Select(_ => Filled(members)).ToArray()) { }

    public readonly IReadOnlyList<GapPair> Pairs = pairs;
    public readonly double[][] Capability = capability;
    public readonly double[][] Compute = compute;

    public int IndexOf(string of, string behind)
    {
        for (int i = 0; i < Pairs.Count; i++) if (Pairs[i].Of == of && Pairs[i].Behind == behind) return i;
        throw new ArgumentException($"gap {of} behind {behind} is not measured");
    }

    private static double[] Filled(int n) { var a = new double[n]; Array.Fill(a, double.NaN); return a; }
}

/// <summary>Which members a threshold rule fired in this month.</summary>
public sealed record RuleDecision(int RuleIndex, bool[] Fired);

/// <summary>
/// One government's month over all members, in two phases so that no government sees another's
/// decision of the same month. <see cref="Decide"/>: perception of last month's gap (G3) and the
/// threshold rules on the world as it stood at t−1. <see cref="Apply"/>: the country's chip
/// industry and market advanced (C5, M1, M2), dated events, the actions of rules (of any
/// government) aimed at this country, and the licensing approval round (K5).
/// </summary>
public static class GovernmentStep
{
    public static List<RuleDecision> Decide(CountryState c, WorldSpec spec, GapBoard lastMonth, RuleState[] ruleStates,
        MemberDraws d, Month t)
    {
        int ti = t - spec.Start;
        int actor = ActorKey.Of("country", c.Id);

        // G3: perceived gap from the gap measured at t−1.
        if (c.HasPerception)
        {
            var p = spec.Countries[c.Index].Perception!;
            var measured = lastMonth.Capability[lastMonth.IndexOf(p.Of, p.Behind)];
            for (int m = 0; m < c.Members; m++)
            {
                double noise = c.Bias[m] + (c.NoiseSd[m] > 0
                    ? c.NoiseSd[m] * NormalQuantile.Standard(d.Uniform(m, actor, ti, DrawSlot.PerceptionNoise))
                    : 0);
                c.Perceived[m] = Perception.Update(c.Perceived[m], measured[m], c.Kappa[m], noise);
            }
        }

        var decisions = new List<RuleDecision>();
        for (int r = 0, own = 0; r < spec.Rules.Count; r++)
        {
            var rule = spec.Rules[r];
            if (rule.Government != c.Id) continue;
            var state = ruleStates[own++];
            int key = rule.Key(r);
            double[] values = rule.Metric switch
            {
                RuleMetric.PerceivedGap => c.Perceived,
                RuleMetric.ComputeGap => lastMonth.Compute[lastMonth.IndexOf(rule.Of, rule.Behind)],
                _ => lastMonth.Capability[lastMonth.IndexOf(rule.Of, rule.Behind)],
            };
            bool[]? fired = null;
            bool active = rule.ActiveIn(t);
            for (int m = 0; m < c.Members; m++)
            {
                // Outside its window a rule does not count months either: it starts afresh at its window.
                bool held = active && ti > 0 && rule.Holds(values[m], t - 1);
                if (!active)
                {
                    state.Streak[m] = 0;
                    continue;
                }
                if (state.Evaluate(rule, m, held, ti, d.Uniform(m, key, ti, DrawSlot.RuleChance)))
                    (fired ??= new bool[c.Members])[m] = true;
            }
            if (fired is not null) decisions.Add(new RuleDecision(r, fired));
        }
        return decisions;
    }

    /// <param name="decisions">This month's decisions of all governments, in country order (filtered here by target).</param>
    public static void Apply(CountryState c, WorldSpec spec, MemberDraws d, Month t, ScheduledEvent[] eventsNow,
        IEnumerable<RuleDecision> decisions)
    {
        int ti = t - spec.Start;
        int actor = ActorKey.Of("country", c.Id);
        if (ti > 0) Advance(c);
        c.SetCeilings(t);

        foreach (var ev in eventsNow)
        {
            // No pattern variable here: a mutated condition must still compile (Stryker's schemata).
            var action = ev.Country;
            if (action is null || action.Country != c.Id) continue;
            var draw = new ActionDraw(d, ev.Key, ti);
            for (int m = 0; m < c.Members; m++) action.Apply(c, draw, m);
        }

        foreach (var decision in decisions)
        {
            var rule = spec.Rules[decision.RuleIndex];
            if (rule.Then.Country != c.Id) continue;
            var draw = new ActionDraw(d, rule.Key(decision.RuleIndex), ti);
            for (int m = 0; m < c.Members; m++)
                if (decision.Fired[m]) rule.Then.Apply(c, draw, m);
        }

        // K5: an approval round comes with hazard h per month, and at the latest after L_lic months.
        for (int m = 0; m < c.Members; m++)
        {
            if (!c.LicensingOn[m]) { c.ApprovalRound[m] = false; continue; }
            c.MonthsSinceApprovalRound[m]++;
            bool round = c.MonthsSinceApprovalRound[m] >= c.LicensingMaxMonths[m]
                || d.Uniform(m, actor, ti, DrawSlot.LicensingApproval) < c.LicensingHazard[m];
            c.ApprovalRound[m] = round;
            if (round) c.MonthsSinceApprovalRound[m] = 0;
        }

        // M2: this month's spending.
        for (int m = 0; m < c.Members; m++)
        {
            double spend = Markets.Spend(c.Adoption[m], c.SpendPerAdopter[m]);
            c.Spend[m] = spend * Compute.Saturation(spend, c.SpendCeiling[m]);
        }
    }

    /// <summary>From t−1 to t: chip output and learning (C5), adoption (M1), spending per adopter.</summary>
    private static void Advance(CountryState c)
    {
        for (int m = 0; m < c.Members; m++)
        {
            c.CumulativeChips[m] += c.ChipOutput[m];
            c.ChipOutput[m] = Compute.DomesticOutput(c.ChipOutput[m], c.ChipGrowth[m], c.ChipFundResponse[m], c.ChipFund[m], c.FabCapital[m]);
            c.ChipEfficiency[m] = Compute.DomesticEfficiency(c.ChipEfficiencyStart[m], c.ChipEfficiencyCeiling[m], c.CumulativeChips[m], c.LearningChips[m]);
            c.Adoption[m] = Markets.Adoption(c.Adoption[m], c.AdoptionP[m], c.AdoptionQ[m], c.Potential[m]);
            c.SpendPerAdopter[m] *= Math.Exp(c.SpendLogGrowth[m]);
        }
    }
}
