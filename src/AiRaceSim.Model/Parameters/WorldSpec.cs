using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Parameters;

/// <summary>A gap to measure: follower behind leader (country ids).</summary>
public sealed record GapPair(string Of, string Behind);

/// <summary>Everything the kernel needs to run a world: no file formats, no I/O.</summary>
public sealed record WorldSpec
{
    public required Month Start { get; init; }
    public required Month End { get; init; }
    public ulong Seed { get; init; }
    /// <summary>Central parameter values and median shocks; patents at their expectation.</summary>
    public bool Deterministic { get; init; }
    public GlobalParameters Parameters { get; init; } = new();
    public required IReadOnlyList<CountrySpec> Countries { get; init; }
    public required IReadOnlyList<FirmSpec> Firms { get; init; }
    public IReadOnlyList<ScheduledEvent> Events { get; init; } = [];
    public IReadOnlyList<ThresholdRule> Rules { get; init; } = [];
    public IReadOnlyList<GapPair> GapPairs { get; init; } = [];
    /// <summary>Tier 0 is no control (frontier channel open); tiers must not rise in efficiency per dollar.</summary>
    public IReadOnlyList<ExportTier> ExportTiers { get; init; } = DefaultTiers;

    public int Months => End - Start + 1;

    /// <summary>
    /// The same world simulated only up to <paramref name="end"/>, for work that reads nothing later
    /// (outcomes at fixed months). A month reads only earlier months and draws on streams keyed by
    /// month, never by the horizon, so every value up to <paramref name="end"/> is the same bits;
    /// events after it are dropped.
    /// </summary>
    public WorldSpec EndingAt(Month end)
    {
        if (end < Start) throw new ArgumentOutOfRangeException(nameof(end), $"{end} is before the start {Start}");
        return end >= End ? this : this with { End = end, Events = Events.Where(e => e.Date <= end).ToList() };
    }

    /// <summary>BIS rules as tiers: none; A800/H800 (2022-10); H20 (2023-11); H20 licence (2025-04).</summary>
    public static readonly IReadOnlyList<ExportTier> DefaultTiers =
    [
        new("none", new Fixed(1), new Fixed(1)),
        new("a800-h800", new Fixed(0.9), new Fixed(1)),
        new("h20", new UniformDist(0.15, 0.5), new Fixed(0.6)),
        new("h20-licence", new Fixed(0), new Fixed(1)),
    ];

    public int CountryIndex(string id)
    {
        for (int i = 0; i < Countries.Count; i++) if (Countries[i].Id == id) return i;
        throw new ArgumentException($"unknown country '{id}'");
    }

    public int FirmIndex(string id)
    {
        for (int i = 0; i < Firms.Count; i++) if (Firms[i].Id == id) return i;
        throw new ArgumentException($"unknown firm '{id}'");
    }

    /// <summary>Checks what the kernel relies on; the scenario layer reports the same problems with file positions first.</summary>
    public void Validate()
    {
        if (End < Start) throw new ArgumentException($"end {End} is before start {Start}");
        var ids = new HashSet<string>();
        foreach (var c in Countries) if (!ids.Add("c:" + c.Id)) throw new ArgumentException($"country '{c.Id}' is defined twice");
        foreach (var f in Firms)
        {
            if (!ids.Add("f:" + f.Id)) throw new ArgumentException($"firm '{f.Id}' is defined twice");
            CountryIndex(f.Country);
            if (f.RunMonths.Central is < 1 or > 24) throw new ArgumentException($"firm '{f.Id}': run_months must be in 1..24");
            if (f.Funding.Fade is { } fade && !(fade.ToPerYear > 0 && fade.HalfLifeMonths > 0))
                throw new ArgumentException($"firm '{f.Id}': a funding fade needs a growth factor and a half-life > 0");
            if (f.Entry is { } e && f.EntryCapability is FrontierAt fa && fa.Date >= e)
                throw new ArgumentException($"firm '{f.Id}': frontier_at {fa.Date} must be before its entry {e}");
        }
        foreach (var p in GapPairs) { CountryIndex(p.Of); CountryIndex(p.Behind); }
        if (ExportTiers.Count < 1) throw new ArgumentException("at least tier 0 (no control) is needed");
        foreach (var ev in Events)
        {
            if (ev.Date < Start || ev.Date > End) throw new ArgumentException($"event at {ev.Date} is outside {Start}..{End}");
            ev.Validate(this);
        }
        foreach (var r in Rules) r.Validate(this);
    }
}
