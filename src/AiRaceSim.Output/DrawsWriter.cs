using System.Globalization;
using System.Text;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Simulation;
using Parquet;
using Parquet.Schema;

namespace AiRaceSim.Output;

/// <summary>
/// <c>draws.csv</c> and <c>draws.parquet</c>: every member's uncertain parameters as the kernel drew
/// them, tidy rows <c>member,parameter,value</c> (parameters named by their scenario paths, as
/// <c>calibrate --fit</c> takes them; fixed values are left out), member by member in draw order.
/// Draws depend only on the seed and the member, so they are drawn again here, <see cref="ChunkMembers"/>
/// members at a time: memory is one chunk, whatever the run's size or block.
/// </summary>
public static class DrawsWriter
{
    public const string Header = "member,parameter,value";
    public const int ChunkMembers = 1000;
    public static readonly DataField<int> Member = new("member");
    public static readonly DataField<string> Parameter = new("parameter");
    public static readonly DataField<double> Value = new("value");

    /// <summary>Writes draws.csv; returns the number of uncertain parameters.</summary>
    public static async Task<int> WriteCsvAsync(string path, WorldSpec spec, int members, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync(Header);
        int parameters = 0;
        var line = new StringBuilder();
        foreach (var (first, drawn) in Chunks(spec, members))
        {
            cancellation.ThrowIfCancellationRequested();
            parameters = drawn.Count;
            if (drawn.Count == 0) break; // every value fixed: the header alone
            var names = drawn.Select(p => "," + TidyCsvWriter.Quote(p.Path) + ",").ToArray();
            for (int m = 0; m < drawn[0].Values.Length; m++)
            {
                string member = (first + m).ToString(CultureInfo.InvariantCulture);
                for (int p = 0; p < drawn.Count; p++)
                {
                    line.Clear().Append(member).Append(names[p]).Append(drawn[p].Values[m].ToString("R", CultureInfo.InvariantCulture));
                    await writer.WriteLineAsync(line, cancellation);
                }
            }
        }
        return parameters;
    }

    /// <summary>Writes draws.parquet, one row group per chunk of members; returns the number of uncertain parameters.</summary>
    public static async Task<int> WriteParquetAsync(string path, WorldSpec spec, int members, CancellationToken cancellation)
    {
        await using var file = File.Create(path);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        options.ColumnEncodingHints["parameter"] = EncodingHint.Dictionary;
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Member, Parameter, Value), file, options, append: false, cancellation);
        int parameters = 0;
        foreach (var (first, drawn) in Chunks(spec, members))
        {
            cancellation.ThrowIfCancellationRequested();
            parameters = drawn.Count;
            if (drawn.Count == 0) break;
            int count = drawn[0].Values.Length, rows = count * drawn.Count, i = 0;
            var member = new int[rows]; var parameter = new string[rows]; var value = new double[rows];
            for (int m = 0; m < count; m++)
                for (int p = 0; p < drawn.Count; p++, i++)
                    (member[i], parameter[i], value[i]) = (first + m, drawn[p].Path, drawn[p].Values[m]);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(Member, member, cancellationToken: cancellation);
            await group.WriteAsync(Parameter, parameter);
            await group.WriteAsync<double>(Value, value, cancellationToken: cancellation);
        }
        return parameters;
    }

    private static IEnumerable<(int First, IReadOnlyList<DrawnParameter> Drawn)> Chunks(WorldSpec spec, int members)
    {
        for (int first = 0; first < members; first += ChunkMembers)
            yield return (first, DrawnParameters.Of(spec, first, Math.Min(ChunkMembers, members - first)));
    }
}
