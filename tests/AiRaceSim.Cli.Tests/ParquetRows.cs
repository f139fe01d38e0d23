using AiRaceSim.Output;
using Parquet;

namespace AiRaceSim.Cli.Tests;

/// <summary>Reads series.parquet back with Parquet.Net's reader.</summary>
public static class ParquetRows
{
    public sealed record Row(string Scenario, int Member, string Date, string Entity, string Metric, double? Value);

    public static async Task<List<Row>> ReadAsync(string path)
    {
        var rows = new List<Row>();
        await using var reader = await ParquetReader.CreateAsync(path);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var scenario = new string?[n]; var date = new string?[n]; var entity = new string?[n]; var metric = new string?[n];
            var member = new int[n]; var value = new double?[n];
            await group.ReadAsync(ParquetSeriesWriter.Scenario, scenario.AsMemory());
            await group.ReadAsync(ParquetSeriesWriter.Member, member.AsMemory());
            await group.ReadAsync(ParquetSeriesWriter.Date, date.AsMemory());
            await group.ReadAsync(ParquetSeriesWriter.Entity, entity.AsMemory());
            await group.ReadAsync(ParquetSeriesWriter.Metric, metric.AsMemory());
            await group.ReadAsync(ParquetSeriesWriter.Value, value.AsMemory());
            for (int i = 0; i < n; i++) rows.Add(new Row(scenario[i]!, member[i], date[i]!, entity[i]!, metric[i]!, value[i]));
        }
        return rows;
    }
}
