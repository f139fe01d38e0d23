using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Experiments;

[Description("An AiRaceSim experiment: a scenario, the factors to vary, a design, its outcomes and the analyses to run (docs/EXPERIMENTS.md).")]
internal sealed class ExperimentDocument
{
    [Description("Short name used in outputs: letters, digits, '-', '_' and '.', starting with a letter or digit.")]
    public required string Name { get; init; }

    [Description("What the experiment asks, free text.")]
    public string? Description { get; init; }

    [Description("The scenario file the design points vary, relative to this file's folder.")]
    public required string Scenario { get; init; }

    [Description("Seed of the counter-based random numbers of the runs and of the design, a whole number ≥ 0 (default: the scenario's)."), InRange(0, double.PositiveInfinity)]
    public ulong? Seed { get; init; }

    [Description("Ensemble members per design point, 1..100000 (default 1); member m of every point draws the same random numbers (common random numbers)."), InRange(1, Limits.Members)]
    public int? Members { get; init; }

    [Description("Members stepped together in one block, 1..100000 (default: members, at most 1000); results do not depend on it."), InRange(1, Limits.Members)]
    public int? Block { get; init; }

    [Description("The factors: scenario values set at each design point.")]
    public required List<FactorDocument> Factors { get; init; }

    [Description("How the design points are chosen.")]
    public required DesignDocument Design { get; init; }

    [Description("Per-member results, as a scenario's outcomes (default: the scenario's own, or its default set).")]
    public List<OutcomeDocument>? Outcomes { get; init; }

    [Description("What to compute from the outcomes.")]
    public AnalysesDocument? Analyses { get; init; }
}

[Description("A scenario value set at each design point: a dotted path with a range, a list of levels, or neither (the scenario's own distribution of an uncertain parameter)."), Entity("factor", NameKey = "path")]
internal sealed class FactorDocument
{
    [Description("Dotted path of a number or distribution the scenario sets: parameters.algorithmic_halving_months, countries.CN.patents.propensity, firms.openai.funding.musd_per_month (a firm by its id).")]
    public required string Path { get; init; }

    [Description("[low, high]: the factor is uniform over this range.")]
    public List<double>? Range { get; init; }

    [Description("The values the factor takes, equally likely.")]
    public List<double>? Levels { get; init; }
}

[Description("How the design points are chosen: factorial (every combination of levels), lhs (a Latin hypercube of n points), sobol (Saltelli's design for Sobol indices on n base points), morris (trajectories for elementary effects).")]
internal sealed class DesignDocument
{
    [Description("factorial, lhs, sobol or morris.")]
    public required string Kind { get; init; }

    [Description("lhs: the number of points; sobol: the number of base points N (N·(k + 2) runs, N·(2k + 2) with second order), a power of two is best."), InRange(2, 1_000_000)]
    public int? N { get; init; }

    [Description("sobol: also sample for second-order indices (default false).")]
    public bool? SecondOrder { get; init; }

    [Description("morris: the number of trajectories r (r·(k + 1) runs; default 20)."), InRange(2, 100_000)]
    public int? Trajectories { get; init; }

    [Description("morris: the number of grid levels p, even (default 4); factorial: the levels of each factor given by a range or a distribution (default 3)."), InRange(2, 1000)]
    public int? Levels { get; init; }
}

[Description("The analyses of the experiment's outcomes.")]
internal sealed class AnalysesDocument
{
    [Description("Sobol indices S1 and ST (S2 with a second-order design) of each named outcome, with bootstrap intervals; needs design kind sobol.")]
    public IndicesDocument? Sobol { get; init; }

    [Description("Morris μ, μ* (with an interval) and σ of each named outcome; needs design kind morris.")]
    public IndicesDocument? Morris { get; init; }

    [Description("Scenario discovery with PRIM: the box of factor values where a condition on an outcome holds.")]
    public PrimDocument? Prim { get; init; }

    [Description("Policy A against policy B: two scenario files run with the experiment's seed and members, compared member by member on the outcomes.")]
    public PairsDocument? Pairs { get; init; }
}

[Description("Two scenarios compared member by member on common random numbers (both on the experiment's seed and members).")]
internal sealed class PairsDocument
{
    [Description("Scenario A (the policy), relative to this file's folder.")]
    public required string A { get; init; }

    [Description("Scenario B (what A is compared with), relative to this file's folder.")]
    public required string B { get; init; }

    [Description("Names of outcomes (default: all whose values are numbers, not months).")]
    public List<string>? Outcomes { get; init; }

    [Description("Members of each of the two runs, 1..100000 (default: the experiment's members per design point)."), InRange(1, Limits.Members)]
    public int? Members { get; init; }

    [Description("Confidence level of the intervals, 0.5 to 0.999 (default 0.95)."), InRange(0.5, 0.999)]
    public double? Level { get; init; }
}

[Description("Which outcomes to analyse and how wide the intervals are.")]
internal sealed class IndicesDocument
{
    [Description("Names of outcomes (default: all whose values are numbers, not months).")]
    public List<string>? Outcomes { get; init; }

    [Description("Confidence level of the intervals, 0.5 to 0.999 (default 0.95)."), InRange(0.5, 0.999)]
    public double? Level { get; init; }

    [Description("Bootstrap resamples (default 1000)."), InRange(10, 100_000)]
    public int? Resamples { get; init; }
}

[Description("PRIM's condition and peeling settings.")]
internal sealed class PrimDocument
{
    [Description("The cases of interest: '<outcome> <op> <value>' with op one of <, <=, >, >= and value a number or, for a month outcome, yyyy-MM ('never' counts as later than every month); e.g. 'gap_2030 < 3'.")]
    public required string Condition { get; init; }

    [Description("Share of the box's points peeled off at each step, in (0, 0.5) (default 0.05)."), InRange(0.001, 0.499)]
    public double? Alpha { get; init; }

    [Description("The smallest share of all points a box may hold, in (0, 1] (default 0.05)."), InRange(0.001, 1)]
    public double? MinMass { get; init; }

    [Description("The chosen box is the one of highest coverage among those at least this dense (default 0.8)."), InRange(0, 1)]
    public double? MinDensity { get; init; }
}
