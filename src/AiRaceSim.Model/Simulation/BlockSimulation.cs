using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// The bare kernel host: one world holding members <c>First .. First+Count−1</c>, its governments
/// and firms as plain objects, stepped through the <see cref="MonthProtocol"/> that the grain host
/// follows too, so both give the same bits.
/// </summary>
public sealed class BlockSimulation : IMonthActors
{
    public readonly WorldSpec Spec;
    public readonly MemberDraws Draws;
    public readonly GlobalDraws Global;
    public readonly TierDraws Tiers;
    public readonly CountryState[] Countries;
    public readonly FirmState[] Firms;
    public readonly WorldState World;
    private readonly RuleState[][] _rules;
    private readonly int[] _deciders;
    private readonly GovernmentOutcome[] _governments;
    private readonly EventCalendar _calendar;
    private readonly MonthProtocol _month;

    /// <summary>Records the catalog's series every month when given; <see cref="TakeSeries"/> hands them out.</summary>
    public SeriesRecorder? Recorder => _month.Recorder;

    public BlockSimulation(WorldSpec spec, int firstMember, int count, SeriesCatalog? record = null)
    {
        spec.Validate();
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "a block holds at least one member");
        Spec = spec;
        Draws = new MemberDraws(spec.Seed, firstMember, count, spec.Deterministic);
        (Global, Tiers, Countries, Firms) = Draw(spec, Draws);
        World = new WorldState(spec, count, firstMember);
        _rules = Countries.Select(c => spec.Rules.Where(r => r.Government == c.Id).Select(_ => new RuleState(count)).ToArray()).ToArray();
        _deciders = MonthProtocol.Deciders(spec);
        _governments = Countries.Select(c => new GovernmentOutcome(HomePolicy.Of(c), CountryReport.Of(c))).ToArray();
        _calendar = new EventCalendar(spec);
        foreach (var f in Firms)
            if (f.EntryMonth(spec.Start) == spec.Start) FirmStep.Enter(f, null, Global, spec.Start - 1);
        _month = new MonthProtocol(spec, World, Global, Reports(),
            record is null ? null : new SeriesRecorder(record, firstMember, count));
    }

    /// <summary>
    /// Every setup draw of the block, in the one order the draw slots assume: the world's parameters,
    /// the export tiers, the countries, the firms (<see cref="DrawnParameters"/> logs them through this).
    /// </summary>
    internal static (GlobalDraws Global, TierDraws Tiers, CountryState[] Countries, FirmState[] Firms) Draw(WorldSpec spec, MemberDraws d) =>
        (new GlobalDraws(spec.Parameters, d), new TierDraws(spec.ExportTiers, d),
         spec.Countries.Select((_, i) => new CountryState(spec, i, d)).ToArray(),
         spec.Firms.Select((_, i) => new FirmState(spec, i, d)).ToArray());

    public Month Next => Spec.Start + World.MonthsDone;
    public bool Done => _month.Done;

    /// <summary>Steps one month (the protocol completes at once: every actor here is synchronous).</summary>
    public void Step()
    {
        var step = _month.StepAsync(this);
        if (!step.IsCompletedSuccessfully) step.AsTask().GetAwaiter().GetResult();
    }

    ValueTask<IReadOnlyList<RuleDecision>> IMonthActors.DecideAsync(int monthIndex, GapBoard lastMonth)
    {
        var t = Spec.Start + monthIndex;
        var decisions = new List<RuleDecision>();
        foreach (int c in _deciders) decisions.AddRange(GovernmentStep.Decide(Countries[c], Spec, lastMonth, _rules[c], Draws, t));
        return ValueTask.FromResult<IReadOnlyList<RuleDecision>>(decisions);
    }

    ValueTask<GovernmentOutcome[]> IMonthActors.ApplyAsync(int monthIndex, IReadOnlyList<RuleDecision> decisions)
    {
        var t = Spec.Start + monthIndex;
        foreach (var c in Countries) GovernmentStep.Apply(c, Spec, Draws, t, _calendar.CountryEvents(t), decisions);
        return ValueTask.FromResult(_governments);
    }

    ValueTask<FirmReport[]> IMonthActors.StepFirmsAsync(int monthIndex, GovernmentOutcome[] governments, WorldView world)
    {
        var t = Spec.Start + monthIndex;
        foreach (var f in Firms)
            FirmStep.Step(f, governments[f.CountryIndex].Home, FirmInputs.For(world, f.Index, f.CountryIndex), Global, Tiers, Draws, Spec.Start, t,
                _calendar.FirmEvents(t, f.Spec.Id));
        return ValueTask.FromResult(Reports());
    }

    /// <inheritdoc cref="MonthProtocol.ExpectSlice"/>
    public void ExpectSlice(int months) => _month.ExpectSlice(months);

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

    /// <summary>
    /// The block's state between two months (its countries, rules, firms and world) as a <see cref="StateImage"/>;
    /// at a slice boundary only, once the recorded months have been taken.
    /// </summary>
    public byte[] Checkpoint()
    {
        if (Recorder?.Holds == true) throw new InvalidOperationException("take the recorded series before a checkpoint");
        return StateImage.Save(Countries, _rules, Firms, World);
    }

    /// <summary>Puts a <see cref="Checkpoint"/> of a block of the same scenario and members into this freshly built one.</summary>
    public void Restore(byte[] image)
    {
        if (World.MonthsDone != 0) throw new InvalidOperationException("a checkpoint restores into a block that has not stepped");
        StateImage.Restore(image, Countries, _rules, Firms, World);
    }

    public FirmReport[] Reports() => Firms.Select(FirmReport.Of).ToArray();
}

/// <summary>The scenario's dated events by month, split into government and firm events.</summary>
public sealed class EventCalendar(WorldSpec spec)
{
    // Arrays by month, read every month by every actor: most months have none, and the lookup then allocates nothing.
    private readonly Dictionary<Month, ScheduledEvent[]> _country = ByMonth(spec.Events.Where(e => e.Country is not null));
    private readonly Dictionary<Month, ScheduledEvent[]> _firm = ByMonth(spec.Events.Where(e => e.Firm is not null));

    public ScheduledEvent[] CountryEvents(Month t) => _country.GetValueOrDefault(t, []);

    public ScheduledEvent[] FirmEvents(Month t, string firm) =>
        _firm.TryGetValue(t, out var events) ? events.Where(e => e.Firm!.Firm == firm).ToArray() : [];

    private static Dictionary<Month, ScheduledEvent[]> ByMonth(IEnumerable<ScheduledEvent> events) =>
        events.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.ToArray());
}
