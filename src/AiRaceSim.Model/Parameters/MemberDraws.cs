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
    /// Each member's <see cref="CounterRng.ActorKey"/> for one actor, folded once for the run: an actor that draws every
    /// month then folds only the month and the slot (<see cref="ForMonth(ulong[], int, int)"/>), with the same bits.
    /// </summary>
    public ulong[] ActorKeys(int actor)
    {
        var keys = new ulong[Count];
        if (!Deterministic) for (int m = 0; m < keys.Length; m++) keys[m] = CounterRng.ActorKey(Seed, First + m, actor);
        return keys;
    }

    /// <summary><see cref="ForMonth(int, int, int)"/> from the member's key of <see cref="ActorKeys"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MonthDraws ForMonth(ulong[] actorKeys, int member, int month) =>
        new(Deterministic ? 0 : CounterRng.WithMonth(actorKeys[member], month), Deterministic);

    /// <summary>The uniform behind a monthly shock; 0.5 (the median) in a deterministic run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(int member, int actor, int month, int slot) => ForMonth(member, actor, month).Uniform(slot);
}

/// <summary>The uniforms of one member's month for one actor (<see cref="MemberDraws.ForMonth"/>): the same values as <see cref="MemberDraws.Uniform"/>.</summary>
public readonly struct MonthDraws(ulong prefix, bool deterministic)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(int slot) => deterministic ? 0.5 : CounterRng.UnitInterval(CounterRng.WithSlot(prefix, slot));
}
