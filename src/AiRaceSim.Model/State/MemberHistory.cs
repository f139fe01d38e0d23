using AiRaceSim.Model.Gaps;

namespace AiRaceSim.Model.State;

/// <summary>
/// A frontier's history for every member of a block, month-major within chunks of <see cref="ChunkMonths"/> months
/// (month k of member m at <c>[(k mod 16)·n + m]</c> of chunk k / 16). A chunk is made, −∞ throughout, when its first
/// month is written, and let go once no gap can read it any more (<see cref="ForgetBefore"/>): a gap searches a
/// leader's history forward from a hint and never goes back, so a member's world need not keep every month of a run.
/// The first chunk is always kept: a gap before the start reads the trend of months 0..12.
/// </summary>
public sealed class MemberHistory
{
    public const int ChunkShift = 4;
    public const int ChunkMonths = 1 << ChunkShift;
    private const int ChunkMask = ChunkMonths - 1;

    public readonly int Months, Members;
    internal readonly double[]?[] Chunks;
    /// <summary>A chunk let go, for the next one to be made (no large array allocated every 16 months).</summary>
    [NotState] private double[]? _spare;

    public MemberHistory(int months, int members)
    {
        Months = months; Members = members;
        Chunks = new double[]?[(months + ChunkMonths - 1) >> ChunkShift];
    }

    /// <summary>Month <paramref name="month"/> of member <paramref name="member"/>.</summary>
    public double this[int month, int member] => Read(month)[member];

    /// <summary>Month <paramref name="month"/> of every member, to read; a month let go is an error, never a silent −∞.</summary>
    public ReadOnlySpan<double> Read(int month)
    {
        var chunk = Chunks[month >> ChunkShift]
            ?? throw new InvalidOperationException($"month {month} of a history was let go: no gap was to read it again");
        return chunk.AsSpan((month & ChunkMask) * Members, Members);
    }

    /// <summary>Month <paramref name="month"/> of every member, to write (its chunk made when it is the first month written there).</summary>
    public Span<double> Write(int month)
    {
        ref var chunk = ref Chunks[month >> ChunkShift];
        if (chunk is null)
        {
            chunk = _spare ?? new double[ChunkMonths * Members];
            _spare = null;
            Array.Fill(chunk, double.NegativeInfinity);
        }
        return chunk.AsSpan((month & ChunkMask) * Members, Members);
    }

    /// <summary>Member <paramref name="member"/>'s months, for the time distance (a month let go fails when read).</summary>
    public MonthlySeries Series(int member) => new(Chunks, member, Members, ChunkShift);

    /// <summary>Lets go the chunks wholly before <paramref name="month"/>, the first excepted.</summary>
    public void ForgetBefore(int month)
    {
        for (int c = 1; c < month >> ChunkShift; c++)
        {
            if (Chunks[c] is not { } chunk) continue;
            _spare ??= chunk;
            Chunks[c] = null;
        }
    }

    /// <summary>Whether month <paramref name="month"/> is still held.</summary>
    public bool Holds(int month) => Chunks[month >> ChunkShift] is not null;

    /// <summary>Chunks held now (for tests and the docs' memory figures).</summary>
    public int ChunksHeld => Chunks.Count(c => c is not null);
}
