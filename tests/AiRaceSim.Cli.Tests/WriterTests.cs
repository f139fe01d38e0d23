using System.Globalization;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Output;

namespace AiRaceSim.Cli.Tests;

public sealed class WriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "airace-writers-" + Guid.NewGuid().ToString("N"));

    public WriterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Two keys, two months, four members: values chosen so quantiles are easy by hand.
    private static readonly SeriesKey[] Keys = [new("CN-US", "capability_gap_months"), new("a,b \"q\"", "x")];
    private static SeriesBatch Batch() => new(0, 2, 0, 4, 2,
    [
        1, 2, 3, 4,            // key 0, month 0
        10, double.NaN, 30, 20, // key 0, month 1 (member 1 has no value)
        0.5, 0.25, 1e-20, 3e10, // key 1, month 0
        1, 1, 1, 1,             // key 1, month 1
    ]);

    [Fact]
    public async Task The_tidy_csv_quotes_fields_writes_round_trip_numbers_and_leaves_missing_values_empty()
    {
        var path = Path.Combine(_dir, "s.csv");
        var layout = new SeriesLayout("base, line", Month.Of(2024, 11), Keys, _ => true);
        await using (var w = new TidyCsvWriter(path, layout))
        {
            await w.WriteAsync(Batch(), default);
            await w.CompleteAsync(default);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(1 + 2 * 4 * 2, lines.Length);
        Assert.Equal("\"base, line\",0,2024-11,CN-US,capability_gap_months,1", lines[1]);
        Assert.Equal("\"base, line\",0,2024-11,\"a,b \"\"q\"\"\",x,0.5", lines[2]);
        Assert.Equal("\"base, line\",2,2024-11,\"a,b \"\"q\"\"\",x,1E-20", lines[6]);
        Assert.Equal("\"base, line\",1,2024-12,CN-US,capability_gap_months,", lines[11]);
    }

    [Fact]
    public async Task Quantiles_follow_R7_and_skip_members_without_values()
    {
        var path = Path.Combine(_dir, "q.csv");
        var layout = new SeriesLayout("s", Month.Of(2024, 11), Keys, k => k.Metric != "x");
        await using (var w = new QuantilesWriter(path, layout))
        {
            await w.WriteAsync(Batch(), default);
            await w.CompleteAsync(default);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        // Month 0: 1,2,3,4 — h = 3p: p05 1.15, p25 1.75, p50 2.5, p75 3.25, p95 3.85; mean 2.5;
        // sd: squares 2.25 + 0.25 + 0.25 + 2.25 = 5 over n − 1 = 3.
        var m0 = lines[1].Split(',').Skip(3).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new[] { 2.5, 1.15, 1.75, 2.5, 3.25, 3.85, Math.Round(Math.Sqrt(5.0 / 3), 12) }, m0.Select(v => Math.Round(v, 12)));
        // Month 1: 10, 20, 30 (NaN left out) — h = 2p: p05 11, p25 15, p50 20, p75 25, p95 29; mean 20; sd √(200/2) = 10.
        Assert.Equal("2024-12,CN-US,capability_gap_months,20,11,15,20,25,29,10", lines[2]);
    }

    [Fact]
    public async Task Parquet_splits_a_slice_into_row_groups_of_the_limit_and_keeps_every_row_in_order()
    {
        // 2 months × 4 members × 2 keys = 16 rows in groups of at most 5: 5, 5, 5, 1.
        var layout = new SeriesLayout("s", Month.Of(2024, 11), Keys, _ => true);
        var csv = Path.Combine(_dir, "p.csv");
        var parquet = Path.Combine(_dir, "p.parquet");
        await using (var w = new TidyCsvWriter(csv, layout)) { await w.WriteAsync(Batch(), default); await w.CompleteAsync(default); }
        await using (var w = await ParquetSeriesWriter.CreateAsync(parquet, layout, default, rowGroupRows: 5))
        {
            await w.WriteAsync(Batch(), default);
            await w.CompleteAsync(default);
        }
        await using (var reader = await Parquet.ParquetReader.CreateAsync(parquet))
            Assert.Equal([5L, 5, 5, 1], Enumerable.Range(0, reader.RowGroupCount).Select(g => { using var r = reader.OpenRowGroupReader(g); return r.RowCount; }));
        var rows = await ParquetRows.ReadAsync(parquet);
        var expected = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[^1]).ToArray();
        Assert.Equal(16, rows.Count);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 0, 0, 1, 1, 2, 2, 3, 3], rows.Select(r => r.Member));
        Assert.Equal(expected, rows.Select(r => r.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : ""));
    }
}
