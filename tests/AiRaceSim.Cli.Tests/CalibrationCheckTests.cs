using AiRaceSim.Calibration;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Cli.Tests;

/// <summary>The statistics, bounds and bootstrap of `airace calibrate` on hand-made series with hand-computed values.</summary>
public sealed class CalibrationCheckTests
{
    private static readonly Month Start = Month.Parse("2024-01");
    private static readonly SeriesKey Cn = new("CN", "open_capability"), Us = new("US", "open_capability"), Gap = new("CN-US", "capability_gap_months");

    /// <summary>Series of <paramref name="members"/> given as one array of months per member.</summary>
    private static double[][] ByMember(params double[][] members) =>
        Enumerable.Range(0, members[0].Length).Select(t => members.Select(m => m[t]).ToArray()).ToArray();

    private static Target Make(Statistic statistic, double low, double high, SeriesKey? versus = null, double? observed = null,
        ShareCondition? share = null, string from = "2024-01", string to = "2024-04") => new()
    {
        Id = "t", What = "", Observed = "", Source = "", Entity = Cn.Entity, Metric = Cn.Metric, Versus = versus, Statistic = statistic,
        From = Month.Parse(from), To = Month.Parse(to), Low = low, High = high, ObservedValue = observed, Share = share,
    };

    private static double M(string month) => Month.Parse(month).Index;

    [Fact]
    public void First_month_at_or_above_is_the_first_month_the_series_reaches_the_other_and_never_is_later_than_any_month()
    {
        double n = double.NaN;
        var series = new EnsembleSeries(new Dictionary<SeriesKey, double[][]>
        {
            [Cn] = ByMember([1, 2, 3, 4], [n, 5, 5, 5], [1, 1, 1, 1], [0, 0, 2, 9]),
            [Us] = ByMember([3, 3, 3, 3], [4, 4, 4, 4], [2, 2, 2, 2], [1, 1, n, 9]),
        }, Start);
        // Members reach it in 2024-03, 2024-02, never, 2024-04 (2024-03 has no US value: not a month it is reached).
        var target = Make(Statistic.FirstMonthAtOrAbove, M("2024-02"), M("2024-03"), Us, share: new ShareCondition(M("2024-03"), 0.7));
        var r = TargetEvaluator.Evaluate(target, series);
        Assert.Equal(4, r.Members);
        Assert.Equal((M("2024-03") + M("2024-04")) / 2, r.Median); // sorted 02, 03, 04, never
        Assert.Equal(0.5, r.Share); // two of four by 2024-03
        Assert.False(r.ShareHolds);
        Assert.Equal(double.PositiveInfinity, r.P95);
        Assert.Equal("never", target.Format(r.P95));
        Assert.Equal("2024-02", target.Format(r.P05)); // P5 lies 0.15 of the way from 2024-02 to 2024-03
        Assert.False(r.Passed);
    }

    [Fact]
    public void A_versus_series_is_subtracted_month_by_month_and_months_missing_either_are_skipped()
    {
        double n = double.NaN;
        var series = new EnsembleSeries(new Dictionary<SeriesKey, double[][]>
        {
            [Cn] = ByMember([5, 6, 7, 8], [5, 5, 5, 5], [9, 9, 9, 9]),
            [Us] = ByMember([n, 4, 6, 9], [4, 4, 4, 4], [8, 7, 6, 5]),
        }, Start);
        var r = TargetEvaluator.Evaluate(Make(Statistic.Min, 0, double.PositiveInfinity, Us), series);
        // Minimum differences: member 0 min(2, 1, −1) = −1; member 1: 1; member 2: 1.
        Assert.Equal(1, r.Median);
        Assert.Equal(-1 + 0.1 * 2, r.P05, 12);
        Assert.True(r.MedianHolds);
    }

    [Fact]
    public void The_band_must_hold_the_observed_value_or_else_overlap_the_range()
    {
        var series = new EnsembleSeries(new Dictionary<SeriesKey, double[][]> { [Cn] = ByMember([1], [2], [3], [4], [5]) }, Start);
        var inside = TargetEvaluator.Evaluate(Make(Statistic.At, 2, 4, observed: 4.5, to: "2024-01"), series);
        Assert.Equal(3, inside.Median);
        Assert.Equal(1.2, inside.P05, 12);
        Assert.Equal(4.8, inside.P95, 12);
        Assert.True(inside.Passed);
        var outside = TargetEvaluator.Evaluate(Make(Statistic.At, 2, 4, observed: 4.9, to: "2024-01"), series);
        Assert.True(outside.MedianHolds);
        Assert.False(outside.BandHolds);
        Assert.False(outside.Passed);
        // No observed value: overlapping [2, 4] suffices.
        Assert.True(TargetEvaluator.Evaluate(Make(Statistic.At, 2, 4, to: "2024-01"), series).Passed);
    }

    [Fact]
    public void Quantiles_take_infinities()
    {
        double inf = double.PositiveInfinity;
        Assert.Equal(inf, Quantiles.Of([1, inf, inf], 0.75));
        Assert.Equal(inf, Quantiles.Of([1, 2, inf], 0.75));
        // Towards −∞ the quantile is −∞, not NaN (−∞ + ∞).
        Assert.Equal(-inf, Quantiles.Of([-inf, 1, 2], 0.25));
        Assert.Equal(1.5, Quantiles.Of([-inf, 1, 2], 0.75));
        Assert.Equal(1.5, Quantiles.Of([1, 2, inf], 0.25));
        Assert.Equal(2, Quantiles.Median([3, double.NaN, 1, 2]));
    }

    private static WorldSpec Spec(params string[] countries) => new()
    {
        Start = Start, End = Start + 5,
        Countries = countries.Select(c => new CountrySpec { Id = c }).ToList(), Firms = [],
    };

    [Fact]
    public void A_max_bound_reads_the_median_member_of_every_entity_and_reports_a_missing_series_or_metric()
    {
        var share = new SeriesKey("US", "compute_share");
        var series = new EnsembleSeries(new Dictionary<SeriesKey, double[][]>
        {
            [share] = ByMember([0.1, 0.9, 0.2], [0.2, 0.2, 0.3], [0.3, 0.1, 0.9]),
            [new SeriesKey("CN", "compute_share")] = ByMember([0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]),
        }, Start);
        var bound = new MaxBound { Id = "B", What = "", Source = "", Metric = "compute_share", Entities = [MaxBound.EveryCountry], AtMost = 0.3 };
        // US medians by month: 0.2, 0.2, 0.3 → max 0.3 in 2024-03 (a single member's 0.9 does not count).
        var r = BoundEvaluator.Max(bound, series, Spec("US", "CN"));
        Assert.True(r.Passed, r.Finding);
        Assert.Contains("0.3 (US, 2024-03)", r.Finding);
        Assert.False(BoundEvaluator.Max(bound with { AtMost = 0.25 }, series, Spec("US", "CN")).Passed);
        // A metric the model has but the run did not record, and a name that is no metric at all: neither passes.
        var unrecorded = BoundEvaluator.Max(bound with { Metric = "ai_budget_share_of_gdp" }, series, Spec("US"));
        Assert.False(unrecorded.Passed);
        Assert.Contains("records no series US/ai_budget_share_of_gdp", unrecorded.Finding);
        var unknown = BoundEvaluator.Max(bound with { Metric = "no_such_metric" }, series, Spec("US"));
        Assert.False(unknown.Passed);
        Assert.Contains("no metric 'no_such_metric'", unknown.Finding);
    }

    [Fact]
    public void A_step_bound_allows_listed_exceptions_at_named_events_but_never_a_step_above_the_hard_limit()
    {
        // Median steps from 2024-02: 1, 2, 0.5, 1 (the 2 in 2024-03).
        var series = new EnsembleSeries(new Dictionary<SeriesKey, double[][]> { [Gap] = ByMember([10, 9, 7, 7.5, 6.5]) }, Start);
        var spec = Spec("US", "CN") with
        {
            Events = [new Model.Policy.ScheduledEvent { Date = Month.Parse("2024-03"), Name = "shock", Country = new Model.Policy.Support("CN", new Model.Random.Fixed(1)) }],
        };
        var bound = new StepBound { Id = "B", What = "", Source = "", Series = Gap, From = Start, AtMost = 1.5, NeverAbove = 3, MostExceptions = 1 };
        var unlisted = BoundEvaluator.Steps(bound, series, spec);
        Assert.False(unlisted.Passed);
        Assert.Contains("2024-03: 2", unlisted.Finding);
        var listed = BoundEvaluator.Steps(bound with { Exceptions = [new StepException(Month.Parse("2024-03"), "shock", "a test")] }, series, spec);
        Assert.True(listed.Passed, listed.Finding);
        Assert.False(BoundEvaluator.Steps(bound with { Exceptions = [new StepException(Month.Parse("2024-03"), "nothing", "a test")] }, series, spec).Passed);
        Assert.False(BoundEvaluator.Steps(bound with { NeverAbove = 1.9, Exceptions = [new StepException(Month.Parse("2024-03"), "shock", "a test")] }, series, spec).Passed);
        // An event long before the step excuses nothing ("at a dated event"), and more exceptions than allowed fail.
        var early = spec with { Events = [spec.Events[0] with { Date = Month.Parse("2023-06") }] };
        var far = BoundEvaluator.Steps(bound with { Exceptions = [new StepException(Month.Parse("2024-03"), "shock", "a test")] }, series, early);
        Assert.False(far.Passed);
        Assert.Contains("more than 7 months before it", far.Finding);
        var two = BoundEvaluator.Steps(bound with { Exceptions = [new StepException(Month.Parse("2024-03"), "shock", "a"), new StepException(Month.Parse("2024-03"), "shock", "b")] }, series, spec);
        Assert.False(two.Passed);
        Assert.Contains("2 exceptions listed, at most 1 allowed", two.Finding);
    }

    [Fact]
    public void The_bootstrap_interval_of_equal_differences_is_that_value_and_of_symmetric_ones_holds_zero()
    {
        Assert.Equal((-2.5, -2.5), Bootstrap.MedianInterval([-2.5, -2.5, -2.5, -2.5], 0.9, 1));
        var (low, high) = Bootstrap.MedianInterval([-2, -1, 1, 2], 0.9, 1);
        Assert.True(low < 0 && high > 0, $"{low}..{high}");
        Assert.Equal((low, high), Bootstrap.MedianInterval([-2, -1, 1, 2], 0.9, 1));
        // One value: every resample is that value.
        Assert.Equal((3.0, 3.0), Bootstrap.MedianInterval([3], 0.9, 7));
    }

    [Fact]
    public void A_lever_passes_when_the_interval_excludes_zero_and_the_median_goes_the_stated_way()
    {
        var lever = new Lever
        {
            Id = "L", What = "", Scenario = "w.yaml", ScenarioPath = "w.yaml", Series = Gap, At = Start, Direction = LeverDirection.Narrows,
        };
        var narrows = LeverRun.Judge(lever, [-1, -1, -1, -1]);
        Assert.True(narrows.Passed);
        Assert.Equal(1, narrows.ShareMoved);
        Assert.False(LeverRun.Judge(lever with { Direction = LeverDirection.Widens }, [-1, -1, -1, -1]).Passed);
        var mixed = LeverRun.Judge(lever, [-2, -1, 1, 2]);
        Assert.False(mixed.Passed);
        Assert.Equal(0.5, mixed.ShareMoved);
        // A third of the members moving while the median member does not is no pass (MODEL.md).
        var third = LeverRun.Judge(lever, [-3, -3, 0, 0, 0, 0]);
        Assert.Equal(0, third.Median);
        Assert.False(third.Passed);
    }
}
