using AiRaceSim.Model.Gaps;

namespace AiRaceSim.Model.State;

/// <summary>
/// A frontier's history for every member of a block, month-major within chunks of <see cref="ChunkMonths"/> months
/// (month k of member m at <c>[(k mod 16)·n + m]</c> of chunk k / 16). A chunk is made, −∞ throughout, when its first
/// month is written, and let go once no gap can read it again (<see cref="Simulation.HistoryFloors"/>; why:
/// docs/ARCHITECTURE.md). The first chunk is always kept: a gap before the start reads the trend of months 0..12.
/// </summary>
public sealed class MemberHistory
{
    public const int ChunkShift = 4;
    public const int ChunkMonths = 1 << ChunkShift;
    private const int ChunkMask = ChunkMonths - 1;

    public readonly int Months, Members;
    internal readonly double[]?[] Chunks;
    /// <summary>A chunk let go, for the next one to be made (no large array allocated every 16 months); counted in <see cref="ChunksHeld"/>.</summary>
    [NotState] private double[]? _spare;
    /// <summary>Months written so far: a month is written once, in order (later ones may be skipped: they stay −∞).</summary>
    private int _written;

    public MemberHistory(int months, int members)
    {
        Months = months; Members = members;
        Chunks = new double[]?[(months + ChunkMonths - 1) >> ChunkShift];
    }

    /// <summary>Month <paramref name="month"/> of member <paramref name="member"/>.</summary>
    public double this[int month, int member] => Read(month)[member];

    /// <summary>
    /// Month <paramref name="month"/> of every member, to read. A month let go, or in a chunk not yet made, is an error
    /// rather than a value; one not yet written in a chunk already made reads −∞, as every month did before it was written.
    /// </summary>
    public ReadOnlySpan<double> Read(int month)
    {
        int c = month >> ChunkShift;
        var chunk = Chunks[c] ?? throw new InvalidOperationException(Chunks.Skip(c + 1).Any(x => x is not null)
            ? $"month {month} of a history was let go: no gap was to read it again"
            : $"month {month} of a history has not been written yet");
        return chunk.AsSpan((month & ChunkMask) * Members, Members);
    }

    /// <summary>
    /// Month <paramref name="month"/> of every member, to write: −∞ until written (its chunk made, −∞ throughout, when it is
    /// the first month written there). Each month is written once, in order.
    /// </summary>
    public Span<double> Write(int month)
    {
        if (month < _written) throw new InvalidOperationException($"month {month} of a history is written already (months are written once, in order)");
        _written = month + 1;
        ref var chunk = ref Chunks[month >> ChunkShift];
        if (chunk is null)
        {
            chunk = _spare ?? new double[ChunkMonths * Members];
            _spare = null;
            Array.Fill(chunk, double.NegativeInfinity);
        }
        return chunk.AsSpan((month & ChunkMask) * Members, Members);
    }

    /// <summary>Member <paramref name="member"/>'s months, for the time distance (a month let go throws a NullReferenceException when read).</summary>
    public MonthlySeries Series(int member) => new(Chunks, member, Members, ChunkShift);

    /// <summary>Lets go the chunks wholly before <paramref name="month"/>, the first excepted.</summary>
    public void ForgetBefore(int month)
    {
        // No pattern variable in the loop: a mutated condition must still compile (Stryker's schemata).
        for (int c = 1; c < month >> ChunkShift; c++)
        {
            var chunk = Chunks[c];
            if (chunk is null) continue;
            _spare ??= chunk;
            Chunks[c] = null;
        }
    }

    /// <summary>Whether month <paramref name="month"/> is still held.</summary>
    public bool Holds(int month) => Chunks[month >> ChunkShift] is not null;

    /// <summary>Chunks held now, the spare among them (for tests and the docs' memory figures).</summary>
    public int ChunksHeld => Chunks.Count(c => c is not null) + (_spare is null ? 0 : 1);
}
