using System.Globalization;
using AiRaceSim.Model.Parameters;

namespace AiRaceSim.Cli;

/// <summary>
/// What a run will cost before it starts, from members × months × series × actors: memory as a range (every
/// block's world lives for the whole run; its frontier histories at their fewest chunks, or whole), the size of the series
/// files, and time. A run that cannot fit is refused with what would. The per-unit costs were
/// measured on the baseline (docs/PERFORMANCE.md, "What a run costs").
/// </summary>
public sealed record RunEstimate(long MemoryBytes, long OutputBytes, double Seconds, long DrawsBytes = 0, long? LeastMemory = null)
{
    /// <summary>
    /// The memory a run needs at least: its frontier histories at the fewest chunks a world holds (the first, the one
    /// before the current, the current and a spare); <see cref="MemoryBytes"/> counts them whole. Where a run falls depends on how far back its
    /// gaps reach; the other terms err on the side of refusing (the baseline: 1.2 to 1.5 GB estimated for 10,000 members,
    /// 0.93 GB measured; 6.4 to 8.8 GB for 100,000, 5.3 GB measured).
    /// </summary>
    public long LeastMemoryBytes => LeastMemory ?? MemoryBytes;

    /// <summary>
    /// Process, runtime, silo and compiled code before any member: 0.92 GB measured at 3,000 baseline members and 1.21 GB at
    /// 10,000 leave about 400 MB besides what the terms below count; 480 MB errs on the side of refusing.
    /// </summary>
    private const long BaseBytes = 480L << 20;
    /// <summary>Bytes per member and month of each history a world keeps for the whole run.</summary>
    private const double HistoryBytes = 8;
    /// <summary>
    /// Bytes per member and month of each recorded series in a slice: the blocks' parts (recorded in place), the joined slice,
    /// the last one while it is written, and a fourth for large arrays the collector has not yet taken back (kept, erring on
    /// the side of refusing, when the recorders stopped holding a copy of their own: 1.19 GB measured at 10,000 baseline members).
    /// </summary>
    private const double SliceBytes = 8 * 4;
    /// <summary>Bytes per world besides its members' arrays: its grains, recorder and buffers (fitted: 100,000 baseline members in 2,000 blocks, 9.1 GiB measured).</summary>
    private const long BlockBytes = 1L << 20;
    /// <summary>A row of draws.csv: member, a parameter path and a round-trip value (measured mean on the baseline).</summary>
    private const long DrawRowBytes = 60;
    /// <summary>Bytes per member of one actor's state (drawn parameters and monthly arrays).</summary>
    private const double ActorBytes = 60 * 8;
    /// <summary>
    /// Measured costs: the kernel per firm-member-month (the bench on the baseline: 356–435 ns), recording and summarising
    /// per recorded value, writing per row. Fitted on 2026-12-04 to the baseline's 10,000 members (33–39 s of CPU, 19–23 s
    /// wall) and 100,000 (294 s of CPU, 177 s wall): its wall time a little long for both; docs/PERFORMANCE.md, "Ensembles at scale".
    /// </summary>
    private const double SecondsPerFirmMemberMonth = 400e-9, SecondsPerRecordedValue = 8e-9, SecondsPerRow = 650e-9;

    public static RunEstimate Of(WorldSpec spec, int members, int blockSize, int recordedSeries, int writtenSeries, string scenarioName, bool perMemberSeries)
    {
        // Fitted on worlds of 50; larger worlds did not use less (10,000 members: 1.22 GB in blocks of 250, 1.29 GB of 1,000),
        // so a world's share is counted per 50 members at least (docs/PERFORMANCE.md, "Later on 2026-12-02").
        long blocks = Math.Max((members + (long)blockSize - 1) / blockSize, (members + 49L) / 50);
        int months = spec.Months, countries = spec.Countries.Count, firms = spec.Firms.Count;
        // Histories (WorldState): two frontiers per country, two for the world, and the best published level in a ring of L_pub
        // months. Whole, as a run whose gaps reach back to its start keeps them; at least, each history's first chunk, the
        // one before the current, the current and a spare (MemberHistory lets go of the months no gap reads again).
        double histories = 2.0 * countries + 2;
        int leastMonths = Math.Min(months, 4 * Model.State.MemberHistory.ChunkMonths);
        // Slices shrink for large ensembles (RunRequest.SliceMonthsFor), so their memory stops growing with members.
        int sliceMonths = Ensembles.RunRequest.SliceMonthsFor(members, recordedSeries);
        double rest = Model.State.WorldState.PublishedSlots(spec) * HistoryBytes + recordedSeries * sliceMonths * SliceBytes + (firms + countries) * ActorBytes;
        double perMember = months * histories * HistoryBytes + rest, leastPerMember = leastMonths * histories * HistoryBytes + rest;
        long rows = perMemberSeries ? (long)members * months * writtenSeries : 0;
        // A CSV row: scenario, member, yyyy-MM, entity, metric and value with their commas (measured mean).
        long rowBytes = scenarioName.Length + 52;
        double cpu = (double)members * months * (Math.Max(firms, 1) * SecondsPerFirmMemberMonth + recordedSeries * SecondsPerRecordedValue);
        double seconds = cpu / Environment.ProcessorCount + rows * SecondsPerRow;
        long draws = (long)members * Model.Simulation.DrawnParameters.Of(spec, 0, 1).Count * DrawRowBytes;
        long fixedBytes = BaseBytes + blocks * BlockBytes;
        return new RunEstimate(fixedBytes + (long)(members * perMember), rows * rowBytes, seconds, draws, fixedBytes + (long)(members * leastPerMember));
    }

    /// <summary>The memory a run needs, as a range when its histories may be let go of (for the line a long run prints first).</summary>
    public string MemoryRange => LeastMemoryBytes < MemoryBytes ? $"{Size(LeastMemoryBytes)} to {Size(MemoryBytes)}" : Size(MemoryBytes);

    /// <summary>A warning for a run that fits only if its gaps let most months of its histories go, or null.</summary>
    public string? MemoryWarning(int members, long availableMemory) => MemoryBytes > availableMemory && LeastMemoryBytes <= availableMemory
        ? $"the run may need up to {Size(MemoryBytes)} of memory and {Size(availableMemory)} is available: it fits only if its gaps " +
          $"let most months of the frontier histories go (the baseline's keep about a quarter); {Members(Fit(members, MemoryBytes, availableMemory))} fit for sure (--members)"
        : null;

    /// <summary>Members that fit in <paramref name="available"/> at the per-member cost of <paramref name="needed"/> for <paramref name="members"/>.</summary>
    private static long Fit(int members, long needed, long available) =>
        Math.Max(0, (available - BaseBytes) / Math.Max(1, (needed - BaseBytes) / members));

    private static string Members(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " member" : " members");

    /// <summary>Why the run cannot fit on this machine, with what would, or null.</summary>
    public string? Refusal(int members, long availableMemory, long freeDisk, bool perMemberSeries)
    {
        if (LeastMemoryBytes > availableMemory)
        {
            long fit = Fit(members, LeastMemoryBytes, availableMemory);
            return LeastMemoryBytes < MemoryBytes
                ? $"the run needs at least about {Size(LeastMemoryBytes)} of memory (up to {Size(MemoryBytes)}) and {Size(availableMemory)} is available; " +
                  $"run at most {fit.ToString("N0", CultureInfo.InvariantCulture)} members, {Fit(members, MemoryBytes, availableMemory).ToString("N0", CultureInfo.InvariantCulture)} to be sure (--members)"
                : $"the run needs about {Size(MemoryBytes)} of memory and {Size(availableMemory)} is available; run at most {fit.ToString("N0", CultureInfo.InvariantCulture)} members (--members)";
        }
        if (DrawsBytes > freeDisk)
            return $"draws.csv would take about {Size(DrawsBytes)} and the destination has {Size(freeDisk)} free; run fewer members (--members) or write elsewhere (--out)";
        if (perMemberSeries && OutputBytes + DrawsBytes > freeDisk)
        {
            long fit = Math.Max(0, freeDisk / Math.Max(1, OutputBytes / members));
            return $"the series files would take about {Size(OutputBytes)} and the destination has {Size(freeDisk)} free; " +
                $"run at most {fit.ToString("N0", CultureInfo.InvariantCulture)} members, write fewer series (outputs: in the scenario), or write quantiles only (--format none)";
        }
        return null;
    }

    /// <summary>
    /// The checkpoints a `--checkpoints` run keeps at a time, at most: three per world, each a world's frontier histories
    /// (counted whole, every month of each member: 2 per country and 2 for the world) and its actors' arrays (about 50 per
    /// firm, 60 per country) of 8 bytes. The baseline's: about 47 KB per member and checkpoint by this count, 28 KB measured
    /// (its worlds let go of most months of their histories; docs/CLUSTER.md).
    /// </summary>
    public static long CheckpointBytes(WorldSpec spec, int members) =>
        3L * members * 8 * ((long)spec.Months * (2 * spec.Countries.Count + 2) + 50L * spec.Firms.Count + 60L * spec.Countries.Count);

    /// <summary>Why the checkpoints would not fit beside the output, or null.</summary>
    public string? CheckpointRefusal(WorldSpec spec, int members, long freeDisk, bool perMemberSeries)
    {
        long needed = CheckpointBytes(spec, members) + DrawsBytes + (perMemberSeries ? OutputBytes : 0);
        return needed <= freeDisk ? null
            : $"with --checkpoints the run would keep about {Size(CheckpointBytes(spec, members))} of checkpoints beside its outputs, and the destination has {Size(freeDisk)} free; run fewer members (--members), write elsewhere (--out) or leave out --checkpoints";
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{(bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture)} GB",
        >= 1L << 20 => $"{(bytes / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture)} MB",
        _ => $"{(bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture)} KB",
    };
}
