using AiRaceSim.Model.Series;
using Parquet;
using Parquet.Schema;

namespace AiRaceSim.Output;

/// <summary><c>series.parquet</c>: the same columns and rows as series.csv, one row group per slice, or several of at most <see cref="RowGroupRows"/> rows (Snappy, dictionary strings).</summary>
public sealed class ParquetSeriesWriter : ISeriesWriter
{
    public static readonly DataField<string> Scenario = new("scenario"), Date = new("date"), Entity = new("entity"), Metric = new("metric");
    public static readonly DataField<int> Member = new("member");
    /// <summary>Nullable: a month without a value is null (as NULL/NA in DuckDB, Arrow and R), not NaN.</summary>
    public static readonly DataField<double?> Value = new("value");
    private static readonly ParquetSchema Schema = new(Scenario, Member, Date, Entity, Metric, Value);

    private readonly FileStream _file;
    private readonly ParquetOptions _options;
    private ParquetWriter? _writer; // null after a checkpoint closed it: the next slice appends
    private readonly SeriesLayout _layout;
    private readonly int _rowGroupRows;

    private ParquetSeriesWriter(FileStream file, ParquetOptions options, ParquetWriter? writer, SeriesLayout layout, int rowGroupRows) =>
        (_file, _options, _writer, _layout, _rowGroupRows) = (file, options, writer, layout, rowGroupRows);

    /// <param name="resume">A <see cref="CheckpointAsync"/> of this run's writer to go on from, or null for a new file.</param>
    public static async Task<ParquetSeriesWriter> CreateAsync(string path, SeriesLayout layout, CancellationToken cancellation,
        int rowGroupRows = RowGroupRows, byte[]? resume = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        foreach (var column in new[] { "scenario", "date", "entity", "metric" }) options.ColumnEncodingHints[column] = EncodingHint.Dictionary;
        if (resume is null)
        {
            var file = File.Create(path);
            var writer = await ParquetWriter.CreateAsync(Schema, file, options, append: false, cancellation);
            return new ParquetSeriesWriter(file, options, writer, layout, rowGroupRows);
        }
        // A checkpoint closed the file with its footer at that length; appending wrote over the footer, which the checkpoint
        // holds: cut the file there, put the footer back, and append to it.
        if (resume.Length < sizeof(long)) throw new InvalidDataException("the Parquet writer's checkpoint is damaged");
        long length = ResumableText.LengthOf(resume[..sizeof(long)]);
        var footer = resume[sizeof(long)..];
        var existing = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        try
        {
            if (existing.Length < length - footer.Length || footer.Length > length)
                throw new InvalidDataException($"{Path.GetFileName(path)} is shorter ({existing.Length} bytes) than its checkpoint says ({length})");
            existing.SetLength(length);
            existing.Seek(length - footer.Length, SeekOrigin.Begin);
            await existing.WriteAsync(footer, cancellation);
            return new ParquetSeriesWriter(existing, options, null, layout, rowGroupRows);
        }
        catch
        {
            await existing.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Closes the file with its footer (a readable Parquet file up to here; the next slice reopens it to append) and returns
    /// its length and its footer (metadata, its length, "PAR1"), which the next slice writes over.
    /// </summary>
    public async ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation)
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }
        await _file.FlushAsync(cancellation);
        _file.Flush(flushToDisk: true); // on the disk before the checkpoint names its length
        long length = _file.Length;
        var tail = new byte[8];
        _file.Seek(length - tail.Length, SeekOrigin.Begin);
        await _file.ReadExactlyAsync(tail, cancellation);
        int metadata = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail);
        var footer = new byte[metadata + tail.Length];
        _file.Seek(length - footer.Length, SeekOrigin.Begin);
        await _file.ReadExactlyAsync(footer, cancellation);
        _file.Seek(0, SeekOrigin.End);
        return [.. ResumableText.Length(length), .. footer];
    }

    /// <summary>Most rows in one row group: a slice of many members is split, so memory stays bounded (about 60 MB of columns).</summary>
    public const int RowGroupRows = 1 << 20;

    public async ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        int keys = _layout.Written.Count;
        long rows = (long)slice.Months * slice.Members * keys;
        if (rows == 0) return;
        int capacity = (int)Math.Min(rows, _rowGroupRows), i = 0;
        var scenario = new string[capacity]; var member = new int[capacity]; var date = new string[capacity];
        var entity = new string[capacity]; var metric = new string[capacity]; var value = new double?[capacity];
        for (int t = 0; t < slice.Months; t++)
        {
            string d = _layout.DateOf(slice.FirstMonthIndex + t);
            for (int m = 0; m < slice.Members; m++)
                foreach (int k in _layout.Written)
                {
                    scenario[i] = _layout.Scenario; member[i] = slice.FirstMember + m; date[i] = d;
                    entity[i] = _layout.Keys[k].Entity; metric[i] = _layout.Keys[k].Metric;
                    double v = slice[k, t, m];
                    value[i] = double.IsNaN(v) ? null : v;
                    if (++i == capacity) { await FlushAsync(i); i = 0; }
                }
        }
        if (i > 0) await FlushAsync(i);

        async Task FlushAsync(int n)
        {
            _writer ??= await ParquetWriter.CreateAsync(Schema, _file, _options, append: true, cancellation);
            using var group = _writer.CreateRowGroup();
            await group.WriteAsync(Scenario, new ArraySegment<string>(scenario, 0, n));
            await group.WriteAsync<int>(Member, member.AsMemory(0, n), cancellationToken: cancellation);
            await group.WriteAsync(Date, new ArraySegment<string>(date, 0, n));
            await group.WriteAsync(Entity, new ArraySegment<string>(entity, 0, n));
            await group.WriteAsync(Metric, new ArraySegment<string>(metric, 0, n));
            await group.WriteAsync<double>(Value, value.AsMemory(0, n), cancellationToken: cancellation);
        }
    }

    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
