using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// The bare kernel driver: one world holding members <c>First .. First+Count−1</c>, stepped month
/// by month in the order every host must follow: governments decide (on t−1), governments
/// apply, firms step, the world aggregates. The grain host calls the same steps in the same
/// order, so both give the same bits.
/// </summary>
public sealed class BlockSimulation
{
    public readonly WorldSpec Spec;
    public readonly MemberDraws Draws;
    public readonly GlobalDraws Global;
    public readonly TierDraws Tiers;
    public readonly CountryState[] Countries;
    public readonly FirmState[] Firms;
    public readonly WorldState World;
    private readonly RuleState[][] _rules;
    private readonly HomePolicy[] _homes;
    private readonly EventCalendar _calendar;

    /// <summary>Records the catalog's series every month when given; <see cref="TakeSeries"/> hands them out.</summary>
    public SeriesRecorder? Recorder { get; }

    public BlockSimulation(WorldSpec spec, int firstMember, int count, SeriesCatalog? record = null)
    {
        spec.Validate();
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "a block holds at least one member");
        Spec = spec;
        Draws = new MemberDraws(spec.Seed, firstMember, count, spec.Deterministic);
        Global = new GlobalDraws(spec.Parameters, Draws);
        Tiers = new TierDraws(spec.ExportTiers, Draws);
        Countries = spec.Countries.Select((_, i) => new CountryState(spec, i, Draws)).ToArray();
        Firms = spec.Firms.Select((_, i) => new FirmState(spec, i, Draws)).ToArray();
        World = new WorldState(spec, count, firstMember);
        _rules = Countries.Select(c => spec.Rules.Where(r => r.Government == c.Id).Select(_ => new RuleState(count)).ToArray()).ToArray();
        _homes = Countries.Select(HomePolicy.Of).ToArray();
        _calendar = new EventCalendar(spec);
        foreach (var f in Firms)
            if (f.EntryMonth(spec.Start) == spec.Start) FirmStep.Enter(f, null, Global, spec.Start - 1);
        WorldAggregator.Prepare(World, Reports());
        if (record is not null) Recorder = new SeriesRecorder(record, firstMember, count);
    }

    public Month Next => Spec.Start + World.MonthsDone;
    public bool Done => World.MonthsDone >= World.Months;

    /// <summary>Steps one month.</summary>
    public void Step()
    {
        if (Done) throw new InvalidOperationException("the run has reached its end month");
        var t = Next;
        var decisions = new List<RuleDecision>();
        foreach (var c in Countries) decisions.AddRange(GovernmentStep.Decide(c, Spec, World.Gaps, _rules[c.Index], Draws, t));
        foreach (var c in Countries) GovernmentStep.Apply(c, Spec, Draws, t, _calendar.CountryEvents(t), decisions);
        foreach (var f in Firms)
            FirmStep.Step(f, _homes[f.CountryIndex], FirmInputs.For(World.View, f.Index), Global, Tiers, Draws, Spec.Start, t, _calendar.FirmEvents(t, f.Spec.Id));
        var firms = Reports();
        var countries = Countries.Select(CountryReport.Of).ToArray();
        WorldAggregator.Aggregate(World, firms, countries, Global, t);
        Recorder?.Record(t - Spec.Start, World, firms, countries);
    }

    /// <summary>The series recorded since the last call (null when nothing was recorded).</summary>
    public SeriesBatch? TakeSeries() => Recorder?.Take();

    /// <summary>Steps up to <paramref name="months"/> months, fewer at the end; returns how many.</summary>
    public int Step(int months)
    {
        int done = 0;
        while (done < months && !Done) { Step(); done++; }
        return done;
    }

    public void Run() { while (!Done) Step(); }

    public FirmReport[] Reports() => Firms.Select(FirmReport.Of).ToArray();
}

/// <summary>The scenario's dated events sorted by month, split into government and firm events.</summary>
public sealed class EventCalendar(WorldSpec spec)
{
    private readonly ILookup<Month, ScheduledEvent> _country = spec.Events.Where(e => e.Country is not null).ToLookup(e => e.Date);
    private readonly ILookup<Month, ScheduledEvent> _firm = spec.Events.Where(e => e.Firm is not null).ToLookup(e => e.Date);

    public IEnumerable<ScheduledEvent> CountryEvents(Month t) => _country[t];
    public IEnumerable<ScheduledEvent> FirmEvents(Month t, string firm) => _firm[t].Where(e => e.Firm!.Firm == firm);
}
