using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Policy;

/// <summary>A dated event: a government's action or a firm's. <see cref="Key"/> names its random stream.</summary>
public sealed record ScheduledEvent
{
    public required Month Date { get; init; }
    public CountryAction? Country { get; init; }
    public FirmAction? Firm { get; init; }
    /// <summary>Stable name of the event (its random stream); by default date and action text.</summary>
    public string? Name { get; init; }

    public int Key => ActorKey.Of("event", Name ?? $"{Date}|{(object?)Country ?? Firm}");

    public object Action => (object?)Country ?? Firm ?? throw new InvalidOperationException("event without action");

    public void Validate(WorldSpec spec)
    {
        if ((Country is null) == (Firm is null)) throw new ArgumentException($"event at {Date} must carry exactly one action");
        Country?.Validate(spec);
        Firm?.Validate(spec);
    }
}
