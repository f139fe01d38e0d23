namespace AiRaceSim.Model.Random;

/// <summary>
/// Stable integer keys for the random streams of actors, events and rules, taken from their
/// names (FNV-1a) rather than their position in a list: adding a firm or removing an event in a
/// what-if leaves every other actor's draws unchanged (common random numbers).
/// </summary>
public static class ActorKey
{
    public const int World = 0;

    public static int Of(string kind, string name)
    {
        uint h = 2166136261;
        foreach (char c in kind) h = (h ^ c) * 16777619;
        h = (h ^ ':') * 16777619;
        foreach (char c in name) h = (h ^ c) * 16777619;
        return (int)(h & 0x7FFFFFFF) | 1; // never 0: 0 is the world
    }
}

/// <summary>Draw slots: which draw of an actor in a month. Fixed numbers, never reordered.</summary>
public static class DrawSlot
{
    // Monthly shocks.
    public const int CapabilityNoise = 1;      // ε in K4
    public const int BreakthroughArrival = 2;  // J in A2: Poisson count
    public const int BreakthroughSize = 3;     // J in A2: log-normal size
    public const int LicensingApproval = 4;    // K5 hazard
    public const int Patents = 5;              // P1 count
    public const int PerceptionNoise = 6;      // ν in G3
    public const int RuleChance = 7;           // probability per month of a threshold rule
    // Parameter draws (month = CounterRng.SetupMonth) use 100 + the parameter's position in its
    // parameter table; event values use 200 + their position inside the event.
    public const int ParameterBase = 100;
    /// <summary>The country-level multiplier on its firms' frontier-run shares (v2), keyed by the country.</summary>
    public const int CountryRunShareScale = ParameterBase + 95;
    public const int EventValueBase = 200;
}
