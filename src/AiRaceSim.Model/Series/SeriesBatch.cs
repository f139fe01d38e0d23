namespace AiRaceSim.Model.Series;

/// <summary>
/// Recorded values of consecutive months for the members of one block: element
/// <c>[(key·Months + month)·Members + member]</c>. NaN where a value does not exist (a firm
/// before entry, a gap with no level yet).
/// </summary>
public sealed record SeriesBatch(int FirstMonthIndex, int Months, int FirstMember, int Members, int Keys, double[] Values)
{
    public double this[int key, int month, int member] => Values[(key * Months + month) * Members + member];

    /// <summary>No months: what a block hands on when asked to advance past its end.</summary>
    public static SeriesBatch Empty(int firstMonthIndex, int firstMember, int members, int keys) =>
        new(firstMonthIndex, 0, firstMember, members, keys, []);

    /// <summary>Batches of consecutive months for the same block, joined in time.</summary>
    public static SeriesBatch Concat(IReadOnlyList<SeriesBatch> parts)
    {
        if (parts.Count == 1) return parts[0];
        var first = parts[0];
        int months = parts.Sum(p => p.Months);
        var values = new double[first.Keys * months * first.Members];
        int offset = 0;
        foreach (var p in parts)
        {
            if (p.FirstMonthIndex != first.FirstMonthIndex + offset || p.FirstMember != first.FirstMember || p.Members != first.Members || p.Keys != first.Keys)
                throw new ArgumentException("batches must be consecutive months of the same block");
            for (int k = 0; k < p.Keys; k++)
                Array.Copy(p.Values, k * p.Months * p.Members, values, (k * months + offset) * p.Members, p.Months * p.Members);
            offset += p.Months;
        }
        return new SeriesBatch(first.FirstMonthIndex, months, first.FirstMember, first.Members, first.Keys, values);
    }

    /// <summary>Batches of the same months for consecutive blocks of members, joined in member order (the one batch itself when there is one).</summary>
    public static SeriesBatch JoinMembers(IReadOnlyList<SeriesBatch> blocks)
    {
        if (blocks.Count == 1) return blocks[0];
        var first = blocks[0];
        int members = 0;
        foreach (var b in blocks)
        {
            if (b.FirstMonthIndex != first.FirstMonthIndex || b.Months != first.Months || b.Keys != first.Keys || b.FirstMember != first.FirstMember + members)
                throw new ArgumentException("blocks must hold the same months and consecutive members");
            members += b.Members;
        }
        var values = SliceBuffers.Shared.Rent(first.Keys * first.Months * members); // every element written below
        for (int row = 0; row < first.Keys * first.Months; row++)
        {
            int offset = row * members;
            foreach (var b in blocks)
            {
                Array.Copy(b.Values, row * b.Members, values, offset, b.Members);
                offset += b.Members;
            }
        }
        return new SeriesBatch(first.FirstMonthIndex, first.Months, first.FirstMember, members, first.Keys, values);
    }
}
