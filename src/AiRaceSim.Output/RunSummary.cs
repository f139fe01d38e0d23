using AiRaceSim.Model.Series;

namespace AiRaceSim.Output;

/// <summary>One row of the end-of-run summary: a label and, per column, the median and the 5–95 % range over members.</summary>
public sealed record SummaryRow(string Label, IReadOnlyList<SummaryCell> Cells);

public sealed record SummaryCell(double Median, double P05, double P95, int Members)
{
    public bool HasValue => Members > 0;

    /// <summary>No member has a value, or the median and the 5–95 % range are all 0: the cell prints "–" or "0 [0–0]".</summary>
    public bool SaysNothing => !HasValue || (Median == 0 && P05 == 0 && P95 == 0);
}

/// <summary>
/// Collects, while slices stream by, what the end-of-run table shows: the capability and compute
/// gaps of every measured pair at "now" and at the horizon, in a small world (at most
/// <see cref="FirmRowsUpTo"/> firms) each firm's capability gap behind the world frontier too, and
/// each country's cumulative patents and share of installed compute at the horizon. A row that says
/// nothing (every cell empty or 0 [0–0], such as patents in a world without patents) is left out.
/// </summary>
public sealed class RunSummary : ISeriesWriter
{
    private readonly IReadOnlyList<SeriesKey> _keys;
    private readonly int _now, _end;
    private readonly Dictionary<(int Key, int Month), double[]> _captured = [];
    private readonly List<(string Label, int Key, int[] Months)> _rows = [];

    /// <summary>The most firms a world may have for the table to show each firm's gap (a teaching world, not the baseline).</summary>
    public const int FirmRowsUpTo = 4;

    /// <param name="pairs">the measured country pairs (follower, leader), whose gaps the table shows.</param>
    /// <param name="firms">the scenario's firms; at most <see cref="FirmRowsUpTo"/> of them get a row each.</param>
    public RunSummary(IReadOnlyList<SeriesKey> keys, IEnumerable<string> countries, IEnumerable<(string Of, string Behind)> pairs,
        int nowIndex, int endIndex, IEnumerable<string>? firms = null)
    {
        _keys = keys;
        _now = nowIndex;
        _end = endIndex;
        int Find(string entity, string metric) => keys.ToList().IndexOf(new SeriesKey(entity, metric));
        var measured = pairs.ToList();
        foreach (var (of, behind) in measured)
        {
            int k = Find($"{of}-{behind}", "capability_gap_months");
            if (k >= 0) _rows.Add(($"capability gap, {of} behind {behind} (months)", k, [_now, _end]));
        }
        foreach (var (of, behind) in measured)
        {
            int k = Find($"{of}-{behind}", "compute_gap_months");
            if (k >= 0) _rows.Add(($"compute gap (largest run), {of} behind {behind} (months)", k, [_now, _end]));
        }
        var firmIds = firms?.ToList() ?? [];
        if (firmIds.Count <= FirmRowsUpTo)
            foreach (var f in firmIds)
            {
                int k = Find(f, "capability_gap_months");
                if (k >= 0) _rows.Add((FirmGapLabel(f), k, [_now, _end]));
            }
        foreach (var c in countries)
        {
            int p = Find(c, "patents_cumulative");
            if (p >= 0) _rows.Add(($"cumulative patents, {c}", p, [_end]));
        }
        foreach (var c in countries)
        {
            int s = Find(c, "compute_share");
            if (s >= 0) _rows.Add(($"share of installed compute, {c}", s, [_end]));
        }
    }

    /// <summary>The label of a firm's row: its deployed capability behind the world frontier (G2).</summary>
    public static string FirmGapLabel(string firm) => $"capability gap, {firm} behind the world frontier (months)";

    /// <summary>The series this summary needs recorded (metrics), whatever the scenario writes.</summary>
    public static readonly string[] Metrics = ["capability_gap_months", "compute_gap_months", "patents_cumulative", "compute_share"];

    public ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        foreach (var (_, key, months) in _rows)
            foreach (int month in months)
            {
                int t = month - slice.FirstMonthIndex;
                if (t < 0 || t >= slice.Months) continue;
                var values = new double[slice.Members];
                for (int m = 0; m < slice.Members; m++) values[m] = slice[key, t, m];
                _captured[(key, month)] = values;
            }
        return ValueTask.CompletedTask;
    }

    /// <summary>The values captured so far, in (series, month) order: a run's checkpoint, for <see cref="Resume"/>.</summary>
    public ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(_captured.Count);
            foreach (var ((key, month), values) in _captured.OrderBy(c => c.Key))
            {
                w.Write(key); w.Write(month); w.Write(values.Length);
                foreach (double v in values) w.Write(v);
            }
        }
        return ValueTask.FromResult(stream.ToArray());
    }

    /// <summary>Goes on from a <see cref="CheckpointAsync"/> of the summary of the same run.</summary>
    public void Resume(byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        try
        {
            _captured.Clear();
            for (int i = r.ReadInt32(); i > 0; i--)
            {
                int key = r.ReadInt32(), month = r.ReadInt32(), n = r.ReadInt32();
                _captured[(key, month)] = Enumerable.Range(0, n).Select(_ => r.ReadDouble()).ToArray();
            }
            if (r.BaseStream.Position != state.Length) throw new InvalidDataException("the summary's checkpoint holds more than its values");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the summary's checkpoint is cut short");
        }
    }

    public IReadOnlyList<SummaryRow> Rows() => _rows
        .Select(r => new SummaryRow(r.Label, r.Months.Select(month => Cell(_captured.GetValueOrDefault((r.Key, month)))).ToList()))
        .Where(r => !r.Cells.All(c => c.SaysNothing))
        .ToList();

    /// <summary>Whether a row has a "now" column (gap rows) besides the horizon.</summary>
    public static bool HasNow(SummaryRow row) => row.Cells.Count == 2;

    private static SummaryCell Cell(double[]? values)
    {
        var present = values?.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray() ?? [];
        if (present.Length == 0) return new SummaryCell(double.NaN, double.NaN, double.NaN, 0);
        return new SummaryCell(SampleQuantiles.Of(present, 0.5), SampleQuantiles.Of(present, 0.05), SampleQuantiles.Of(present, 0.95), present.Length);
    }

    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
