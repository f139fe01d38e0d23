using AiRaceSim.Model.Parameters;

namespace AiRaceSim.Ensembles;

/// <summary>What to run: a resolved scenario, how many members, in blocks of what size, what to record.</summary>
public sealed record RunRequest(WorldSpec Spec, int Members, int BlockSize)
{
    /// <summary>Months per slice: each block advances this many months per call (keeps a grain call far below its timeout and paces progress).</summary>
    public int SliceMonths { get; init; } = 12;
    /// <summary>Names the run's worlds (grain keys); not part of any result.</summary>
    public string RunId { get; init; } = Guid.NewGuid().ToString("N");
    /// <summary>Whether each world saves a checkpoint at every slice boundary (a lost world is then resumed from its last one).</summary>
    public bool Checkpoints { get; init; }
    /// <summary>Months already done: the worlds resume from their checkpoints after this many (0: start afresh).</summary>
    public int ResumeAt { get; init; }
    public IReadOnlyCollection<string>? Metrics { get; init; }
    public IReadOnlyCollection<string>? Entities { get; init; }

    public int Blocks => (Members + BlockSize - 1) / BlockSize;

    /// <summary>Bytes of recorded series one slice may hold (about 3 copies live: the recorders' months, the blocks' parts or the joined slice, the one being written); a slice is never shorter than a month, so a month of a large ensemble may exceed it.</summary>
    public const long SliceBudgetBytes = 128L << 20;

    /// <summary>
    /// Months per slice so that one slice of <paramref name="series"/> series over <paramref name="members"/> members stays
    /// within <see cref="SliceBudgetBytes"/>: 12 for small runs, down to 1 for large ensembles. Results do not depend on it.
    /// </summary>
    public static int SliceMonthsFor(int members, int series) =>
        (int)Math.Clamp(SliceBudgetBytes / Math.Max(1L, 8L * members * Math.Max(1, series)), 1, 12);

    /// <summary>The members of block <paramref name="b"/>: blocks are consecutive and all full but the last.</summary>
    public (int First, int Count) Block(int b) => (b * BlockSize, Math.Min(BlockSize, Members - b * BlockSize));

    public void Validate()
    {
        if (Members < 1) throw new ArgumentOutOfRangeException(nameof(Members), "members must be ≥ 1");
        if (BlockSize < 1) throw new ArgumentOutOfRangeException(nameof(BlockSize), "block must be ≥ 1");
        if (SliceMonths < 1) throw new ArgumentOutOfRangeException(nameof(SliceMonths), "slice must be ≥ 1 month");
        if (ResumeAt < 0 || ResumeAt >= Spec.Months) throw new ArgumentOutOfRangeException(nameof(ResumeAt), $"resume after 0 .. {Spec.Months - 1} months");
        if (ResumeAt > 0 && !Checkpoints) throw new ArgumentException("a run resumes only from checkpoints", nameof(ResumeAt));
        Spec.Validate();
    }
}

/// <summary>How far a run has got: months done of all members; a notice when something happened on the way (a slice retried).</summary>
public sealed record RunProgress(int MonthsDone, int MonthsTotal, int Members)
{
    public string? Notice { get; init; }
}
