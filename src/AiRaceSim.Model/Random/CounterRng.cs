using System.Runtime.CompilerServices;
namespace AiRaceSim.Model.Random;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of
/// (scenario seed, member index, actor, month, draw slot). Nothing is carried from one draw to
/// the next, so results cannot depend on how members are split into blocks, on grain placement,
/// or on the order in which actors step.
/// </summary>
/// <remarks>
/// Each key word is folded in with the SplitMix64 finaliser (Steele, Lea and Flood 2014), a
/// bijective 64-bit mixer with full avalanche; chaining it over the five words gives
/// independent-looking streams for any difference in any key word.
/// </remarks>
public static class CounterRng
{
    /// <summary>Month value used for draws made once per run (parameter draws), not per month.</summary>
    public const int SetupMonth = int.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong seed, long member, int actor, int month, int slot) =>
        WithSlot(Prefix(seed, member, actor, month), slot);

    /// <summary>
    /// The chain folded over (seed, member, actor, month): what the draws of one actor's month share, so that
    /// several slots of that month (<see cref="WithSlot"/>) cost one fold each, not five. The same bits as <see cref="Bits"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Prefix(ulong seed, long member, int actor, int month) => WithMonth(ActorChain(seed, member, actor), month);

    /// <summary>The chain folded over (seed, member, actor): what an actor's months share for one member (kept per member by a firm).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ActorChain(ulong seed, long member, int actor)
    {
        ulong h = Mix(seed + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ ((ulong)member * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL));
        return Mix(h ^ ((ulong)(uint)actor * 0xAEF17502108EF2D9UL + 0x9E3779B97F4A7C15UL));
    }

    /// <summary>The month folded into an <see cref="ActorChain"/>: the <see cref="Prefix"/> of that month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WithMonth(ulong actorChain, int month) =>
        Mix(actorChain ^ ((ulong)(uint)month * 0xDB4F0B9175AE2165UL + 0x632BE59BD9B4E019UL));

    /// <summary>The last fold: the draw slot into a <see cref="Prefix"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WithSlot(ulong prefix, int slot) =>
        Mix(prefix ^ ((ulong)(uint)slot * 0x4C8F2F1A2B3C4D5FUL + 0x2545F4914F6CDD1DUL));

    /// <summary>A uniform number strictly inside (0, 1), safe to feed to any inverse CDF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, long member, int actor, int month, int slot) =>
        UnitInterval(Bits(seed, member, actor, month, slot));

    /// <summary>
    /// The top 53 bits as (k + ½)·2⁻⁵³, strictly inside (0, 1). For k = 2⁵³ − 1 the sum k + ½ is a
    /// tie that rounds to 2⁵³ in doubles, which would give exactly 1; that one value (chance 2⁻⁵³)
    /// is held at the largest double below 1, and every other value is unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double UnitInterval(ulong bits) =>
        Math.Min(((bits >> 11) + 0.5) * (1.0 / 9007199254740992.0), LargestBelowOne);

    /// <summary>1 − 2⁻⁵³, the largest double below 1.</summary>
    public const double LargestBelowOne = 1 - 1.0 / 9007199254740992.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
