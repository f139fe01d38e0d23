using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Simulation;

/// <summary>What one government hands on after applying a month: its policy as firms read it, and its report.</summary>
public readonly record struct GovernmentOutcome(HomePolicy Home, CountryReport Report);

/// <summary>
/// The actors of one world as the month protocol calls them. The bare kernel calls the steps
/// directly (<see cref="BlockSimulation"/>); the grain host sends each to a grain. Each phase may
/// run its actors in parallel, because each reads only what the previous phase produced.
/// </summary>
public interface IMonthActors
{
    /// <summary>Every government that has rules or a perception decides on last month's gaps (G3, rules).</summary>
    ValueTask<IReadOnlyList<RuleDecision>> DecideAsync(int monthIndex, GapBoard lastMonth);

    /// <summary>Every government applies this month's events and the decisions of its rules; in country order.</summary>
    ValueTask<GovernmentOutcome[]> ApplyAsync(int monthIndex, IReadOnlyList<RuleDecision> decisions);

    /// <summary>Every firm steps on its home policy and the world as of t−1; reports in firm order.</summary>
    ValueTask<FirmReport[]> StepFirmsAsync(int monthIndex, GovernmentOutcome[] governments, WorldView world);
}

/// <summary>
/// The month, stated once: governments decide (on t−1), governments apply, each home country's
/// teachers are set out (K3) and its budget saturation taken (C2), firms step, the world aggregates, the recorder records. Every host runs its months through <see cref="StepAsync"/>,
/// which is why the bare kernel and the grains give the same bits.
/// </summary>
public sealed class MonthProtocol
{
    public readonly WorldSpec Spec;
    public readonly WorldState World;
    public readonly GlobalDraws Global;

    /// <summary>Records the catalog's series every month when given.</summary>
    public SeriesRecorder? Recorder { get; }

    private readonly int[] _homes; // countries with firms: their K3 teacher boards are built each month

    public MonthProtocol(WorldSpec spec, WorldState world, GlobalDraws global, FirmReport[] startReports, SeriesRecorder? recorder)
    {
        (Spec, World, Global, Recorder) = (spec, world, global, recorder);
        _homes = spec.Firms.Select(f => spec.CountryIndex(f.Country)).Distinct().Order().ToArray();
        WorldAggregator.Prepare(world, startReports);
    }

    public bool Done => World.MonthsDone >= World.Months;

    /// <summary>Tells the recorder that the next <paramref name="months"/> months (fewer at the end) are taken as one slice.</summary>
    public void ExpectSlice(int months) => Recorder?.Expect(Math.Max(0, Math.Min(months, World.Months - World.MonthsDone)));

    public async ValueTask StepAsync(IMonthActors actors)
    {
        if (Done) throw new InvalidOperationException("the run has reached its end month");
        int ti = World.MonthsDone;
        var decisions = await actors.DecideAsync(ti, World.Gaps);
        var governments = await actors.ApplyAsync(ti, decisions);
        // K3 reads the API models of t−1 through this month's access (a block applies in its own month);
        // C2's saturation, B_c(t−1) against this month's ceiling, is the same for every firm of a country.
        var view = World.View;
        foreach (int c in _homes)
        {
            view.Teachers[c].Build(view.ApiCapability, view.ApiFirms, governments[c].Home.ApiAccess);
            Compute.Saturation(World.NationalDemand[c], governments[c].Home.BudgetCeiling, view.BudgetSaturation[c]);
        }
        var firms = await actors.StepFirmsAsync(ti, governments, World.View);
        var countries = new CountryReport[governments.Length];
        for (int c = 0; c < countries.Length; c++) countries[c] = governments[c].Report;
        WorldAggregator.Aggregate(World, firms, countries, Global, Spec.Start + ti);
        Recorder?.Record(ti, World, firms, countries);
    }

    /// <summary>Governments that have something to decide: rules of their own or a perceived gap.</summary>
    public static int[] Deciders(WorldSpec spec) => Enumerable.Range(0, spec.Countries.Count)
        .Where(c => spec.Countries[c].Perception is not null || spec.Rules.Any(r => r.Government == spec.Countries[c].Id)).ToArray();
}
