using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>Threshold rules: countries, the perception a perceived-gap rule needs, the threshold and the action.</summary>
internal static class RuleBuilder
{
    public static List<ThresholdRule> Build(List<RuleDocument> rules, BuildContext c)
    {
        var built = new List<ThresholdRule>();
        foreach (var r in rules)
        {
            if (c.Map.IsBroken(r))
            {
                if (r.Government is { } government) c.Country(r, nameof(r.Government), government);
                if (r.Then is { } then) ActionBuilder.CheckNames(then, c);
                continue;
            }
            var w = r.When;
            bool ok = c.Country(r, nameof(r.Government), r.Government);
            bool pair = c.Country(w, nameof(w.Of), w.Of) & c.Country(w, nameof(w.Behind), w.Behind);
            if (pair && w.Of == w.Behind)
            {
                c.Error(w, nameof(w.Behind), $"a rule compares {w.Of} with itself; of and behind must be different countries");
                pair = false;
            }
            if (ok && pair && w.Metric == GapMetric.PerceivedGapMonths) ok = Perceives(r, c);
            if (r.From is { } from) ok &= c.Inside(r, nameof(r.From), from, "rule window start");
            if (r.To is { } to) ok &= c.Inside(r, nameof(r.To), to, "rule window end");
            if (r is { From: { } f, To: { } e } && e < f)
            {
                c.Error(r, nameof(r.To), $"the rule's window ends ({e}) before it starts ({f}); give to at or after from");
                ok = false;
            }
            var actions = ActionBuilder.Country(r.Then, c, r.Government);
            if (!ok || !pair || actions is not [var action]) continue;
            var threshold = (w.Below ?? w.Above)!;
            built.Add(new ThresholdRule
            {
                Government = r.Government,
                Metric = w.Metric switch
                {
                    GapMetric.CapabilityGapMonths => RuleMetric.CapabilityGap,
                    GapMetric.ComputeGapMonths => RuleMetric.ComputeGap,
                    _ => RuleMetric.PerceivedGap,
                },
                Of = w.Of,
                Behind = w.Behind,
                Op = w.Below is not null ? Comparison.Below : Comparison.Above,
                Threshold = threshold.Path is { } p
                    ? new ThresholdPath(p.From.Value, p.From.Date, p.To.Date, p.To.Value)
                    : new ThresholdPath(threshold.Constant ?? 0),
                ForMonths = w.ForMonths ?? 1,
                ProbabilityPerMonth = r.ProbabilityPerMonth ?? 1,
                Once = r.Once ?? false,
                CooldownMonths = r.CooldownMonths ?? 0,
                Then = action,
                Name = r.Id,
                From = r.From,
                To = r.To,
            });
        }
        return built;
    }

    /// <summary>A perceived-gap rule reads its government's own perception, which must be of the same pair.</summary>
    private static bool Perceives(RuleDocument r, BuildContext c)
    {
        var w = r.When;
        if (!c.Countries.TryGetValue(r.Government, out var gov) || c.Map.IsBroken(gov)) return true;
        if (gov.Perception is not { } p)
        {
            c.Error(w, nameof(w.Metric), $"a rule on perceived_gap_months needs country '{r.Government}' to perceive {w.Of} behind {w.Behind}; add perception: {{of: {w.Of}, behind: {w.Behind}}} to country '{r.Government}'");
            return false;
        }
        if (p.Of == w.Of && p.Behind == w.Behind) return true;
        c.Error(w, nameof(w.Metric), $"country '{r.Government}' perceives {p.Of} behind {p.Behind}, not {w.Of} behind {w.Behind}; a rule on perceived_gap_months reads its government's own perception");
        return false;
    }
}
