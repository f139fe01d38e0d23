using AiRaceSim.Model.Series;
using Parquet;
using Parquet.Schema;

namespace AiRaceSim.Output;

/// <summary><c>series.parquet</c>: the same columns and rows as series.csv, one row group per slice (Snappy, dictionary strings).</summary>
public sealed class ParquetSeriesWriter : ISeriesWriter
{
    public static readonly DataField<string> Scenario = new("scenario"), Date = new("date"), Entity = new("entity"), Metric = new("metric");
    public static readonly DataField<int> Member = new("member");
    /// <summary>Nullable: a month without a value is null (as NULL/NA in DuckDB, Arrow and R), not NaN.</summary>
    public static readonly DataField<double?> Value = new("value");
    private static readonly ParquetSchema Schema = new(Scenario, Member, Date, Entity, Metric, Value);

    private readonly FileStream _file;
    private readonly ParquetWriter _writer;
    private readonly SeriesLayout _layout;

    private ParquetSeriesWriter(FileStream file, ParquetWriter writer, SeriesLayout layout) =>
        (_file, _writer, _layout) = (file, writer, layout);

    public static async Task<ParquetSeriesWriter> CreateAsync(string path, SeriesLayout layout, CancellationToken cancellation)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        foreach (var column in new[] { "scenario", "date", "entity", "metric" }) options.ColumnEncodingHints[column] = EncodingHint.Dictionary;
        var file = File.Create(path);
        var writer = await ParquetWriter.CreateAsync(Schema, file, options, append: false, cancellation);
        return new ParquetSeriesWriter(file, writer, layout);
    }

    public async ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        int keys = _layout.Written.Count, rows = slice.Months * slice.Members * keys, i = 0;
        var scenario = new string[rows]; var member = new int[rows]; var date = new string[rows];
        var entity = new string[rows]; var metric = new string[rows]; var value = new double?[rows];
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
                    i++;
                }
        }
        using var group = _writer.CreateRowGroup();
        await group.WriteAsync(Scenario, scenario);
        await group.WriteAsync<int>(Member, member, cancellationToken: cancellation);
        await group.WriteAsync(Date, date);
        await group.WriteAsync(Entity, entity);
        await group.WriteAsync(Metric, metric);
        await group.WriteAsync<double>(Value, value, cancellationToken: cancellation);
    }

    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
