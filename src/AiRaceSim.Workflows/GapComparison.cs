using AiRaceSim.Calibration;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Workflows;

/// <summary>One scenario's gap at the months asked (<see cref="AtMonths"/>) and, when asked, at every month of the scenario (<see cref="EveryMonth"/>).</summary>
public sealed record GapComparisonResult(IReadOnlyList<TargetResult> AtMonths, IReadOnlyList<TargetResult> EveryMonth);

/// <summary>
/// `compare`'s work for one scenario: the gap of a country pair, median and P5–P95 over its members, as
/// target statistics (<see cref="Statistic.At"/>) on the in-process driver; the run stops at the last month read.
/// </summary>
public static class GapComparison
{
    public static Task<GapComparisonResult> RunAsync(LoadedScenario scenario, string pair, string metric, IReadOnlyList<Month> months,
        bool everyMonth, CancellationToken cancellation)
    {
        var spec = scenario.Spec;
        var every = everyMonth ? Enumerable.Range(0, spec.Months).Select(t => spec.Start + t).ToList() : [];
        var targets = months.Concat(every).Select(m => new Target
        {
            Id = m.ToString(), What = "", Observed = "", Source = "", Entity = pair, Metric = metric,
            Statistic = Statistic.At, From = m, To = m, Low = double.NegativeInfinity, High = double.PositiveInfinity,
        }).ToList();
        return Task.Run(() =>
        {
            var results = TargetRun.Evaluate(spec, targets, scenario.Members, scenario.BlockSize, cancellation);
            return new GapComparisonResult(results.Take(months.Count).ToList(), results.Skip(months.Count).ToList());
        }, cancellation);
    }
}
