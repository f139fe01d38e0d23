using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Policy;

public enum RuleMetric { CapabilityGap, ComputeGap, PerceivedGap }

public enum Comparison { Below, Above }

/// <summary>
/// A threshold that is a constant, or a straight path between two dated values (flat outside
/// them): "a path that reaches 0 in 2030-01".
/// </summary>
public sealed record ThresholdPath(double Value, Month? From = null, Month? To = null, double ToValue = 0)
{
    public double At(Month t)
    {
        if (From is not { } a || To is not { } b) return Value;
        if (t <= a) return Value;
        if (t >= b) return ToValue;
        return Value + (ToValue - Value) * (t - a) / (double)(b - a);
    }
}

/// <summary>
/// <c>when metric of Of behind Behind (below|above) threshold for n months then action</c>, with
/// a probability per month and once or a cooldown (MODEL.md, Governments). Reads the world as it
/// stood at t−1 only.
/// </summary>
public sealed record ThresholdRule
{
    public required string Government { get; init; }
    public required RuleMetric Metric { get; init; }
    public required string Of { get; init; }
    public required string Behind { get; init; }
    public required Comparison Op { get; init; }
    public required ThresholdPath Threshold { get; init; }
    public int ForMonths { get; init; } = 1;
    public double ProbabilityPerMonth { get; init; } = 1;
    public bool Once { get; init; }
    public int CooldownMonths { get; init; }
    public required CountryAction Then { get; init; }
    public string? Name { get; init; }
    /// <summary>The rule's active window (MODEL.md v2): outside it the rule neither counts nor fires. Null: open.</summary>
    public Month? From { get; init; }
    public Month? To { get; init; }

    public bool ActiveIn(Month t) => (From is not { } a || t >= a) && (To is not { } b || t <= b);

    public int Key(int index) => ActorKey.Of("rule", Name ?? $"{Government}#{index}");

    public bool Holds(double value, Month t)
    {
        if (double.IsNaN(value)) return false;
        double th = Threshold.At(t);
        return Op == Comparison.Below ? value < th : value > th;
    }

    public void Validate(WorldSpec spec)
    {
        spec.CountryIndex(Government);
        spec.CountryIndex(Of);
        spec.CountryIndex(Behind);
        if (ForMonths < 1) throw new ArgumentException("for_months must be ≥ 1");
        if (ProbabilityPerMonth is < 0 or > 1) throw new ArgumentException("probability_per_month must be in [0, 1]");
        if (CooldownMonths < 0) throw new ArgumentException("cooldown_months must be ≥ 0");
        if (From is { } from && To is { } to && to < from) throw new ArgumentException($"rule window ends ({to}) before it starts ({from})");
        if (Metric == RuleMetric.PerceivedGap)
        {
            var p = spec.Countries[spec.CountryIndex(Government)].Perception
                ?? throw new ArgumentException($"rule on perceived gap: government '{Government}' has no perception");
            if (p.Of != Of || p.Behind != Behind)
                throw new ArgumentException($"rule on perceived gap: '{Government}' perceives {p.Of} behind {p.Behind}, not {Of} behind {Behind}");
        }
        Then.Validate(spec);
    }
}

/// <summary>Per-member memory of one rule: how long its condition has held, whether and when it fired.</summary>
public sealed class RuleState(int members)
{
    public readonly int[] Streak = new int[members];
    public readonly bool[] Fired = new bool[members];
    public readonly int[] LastFired = Enumerable.Repeat(int.MinValue / 2, members).ToArray();

    /// <summary>
    /// Pure decision for member m at month index t: updates the streak with the condition as it
    /// stood at t−1 and returns whether the rule fires now.
    /// </summary>
    public bool Evaluate(ThresholdRule rule, int m, bool conditionHeld, int t, double uniform)
    {
        Streak[m] = conditionHeld ? Streak[m] + 1 : 0;
        if (Streak[m] < rule.ForMonths) return false;
        if (rule.Once && Fired[m]) return false;
        if (t - LastFired[m] < rule.CooldownMonths) return false;
        if (uniform >= rule.ProbabilityPerMonth) return false;
        Fired[m] = true;
        LastFired[m] = t;
        Streak[m] = 0;
        return true;
    }
}
