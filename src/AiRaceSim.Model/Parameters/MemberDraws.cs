using System.Runtime.CompilerServices;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The members of one block (global indices <c>First .. First+Count−1</c>) and the scenario
/// seed: turns distributions into one value per member. A deterministic run uses every
/// distribution's central value and keeps all monthly shocks at their medians.
/// </summary>
public sealed record MemberDraws(ulong Seed, int First, int Count, bool Deterministic)
{
    /// <summary>When set, every uncertain parameter drawn with a path is logged (the run's draws output).</summary>
    public DrawLog? Log { get; init; }

    /// <summary>One setup draw per member; <paramref name="path"/> names the parameter as the scenario does (for the log).</summary>
    public double[] Draw(Distribution d, int actor, int slot, string? path = null)
    {
        var values = new double[Count];
        Fill(values, d, actor, slot, CounterRng.SetupMonth);
        if (path is not null && d is not Fixed) Log?.Add(path, values);
        return values;
    }

    public void Fill(Span<double> values, Distribution d, int actor, int slot, int month)
    {
        if (d is Fixed f) { values.Fill(f.Value); return; }
        if (Deterministic) { values.Fill(d.Central); return; }
        for (int m = 0; m < values.Length; m++) values[m] = d.Draw(Seed, First + m, actor, month, slot);
    }

    /// <summary>The draws of one member, actor and month, each slot folded into their shared key once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MonthDraws ForMonth(int member, int actor, int month) =>
        new(Deterministic ? 0 : CounterRng.Prefix(Seed, First + member, actor, month), Deterministic);

    /// <summary>
    /// Each member's <see cref="CounterRng.ActorChain"/> for one actor, folded once for the run: an actor that draws every
    /// month then folds only the month and the slot (<see cref="ActorDraws.ForMonth"/>), with the same bits as
    /// <see cref="ForMonth(int, int, int)"/>.
    /// </summary>
    public ActorDraws ForActor(int actor)
    {
        var chains = new ulong[Count];
        if (!Deterministic) for (int m = 0; m < chains.Length; m++) chains[m] = CounterRng.ActorChain(Seed, First + m, actor);
        return new ActorDraws(chains, Deterministic);
    }

    /// <summary>The uniform behind a monthly shock; 0.5 (the median) in a deterministic run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(int member, int actor, int month, int slot) => ForMonth(member, actor, month).Uniform(slot);
}

/// <summary>The uniforms of one member's month for one actor (<see cref="MemberDraws.ForMonth(int, int, int)"/>): the same values as <see cref="MemberDraws.Uniform"/>.</summary>
public readonly struct MonthDraws(ulong prefix, bool deterministic)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(int slot) => deterministic ? 0.5 : CounterRng.UnitInterval(CounterRng.WithSlot(prefix, slot));
}

/// <summary>
/// One actor's draws for every member of a block (<see cref="MemberDraws.ForActor"/>): the members' chains over seed,
/// member and actor, with the block's deterministic flag, so a month's draws cannot mix one block's chains with another's flag.
/// </summary>
public sealed class ActorDraws(ulong[] chains, bool deterministic)
{
    public bool Deterministic => deterministic;

    /// <summary>Member <paramref name="member"/>'s draws of month index <paramref name="month"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MonthDraws ForMonth(int member, int month) =>
        new(deterministic ? 0 : CounterRng.WithMonth(chains[member], month), deterministic);
}
