using System.Globalization;
using System.Text;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Output;

/// <summary>
/// <c>series.csv</c>: tidy long rows <c>scenario,member,date,entity,metric,value</c>, invariant
/// culture, shortest round-trip numbers, empty value where there is none (pandas reads NaN). Rows
/// come month by month, member by member, in catalog order, so a run streams them slice by slice.
/// </summary>
public sealed class TidyCsvWriter : ISeriesWriter
{
    public const string Header = "scenario,member,date,entity,metric,value";
    private readonly StreamWriter _writer;
    private readonly SeriesLayout _layout;
    private readonly string[] _keyText; // ",entity,metric," per written key, quoted where needed
    private readonly string _scenario;
    private readonly char[] _number = new char[32];

    /// <param name="resume">A <see cref="CheckpointAsync"/> of this run's writer to go on from, or null for a new file.</param>
    public TidyCsvWriter(string path, SeriesLayout layout, byte[]? resume = null)
    {
        _layout = layout;
        _scenario = Quote(layout.Scenario);
        _keyText = layout.Written.Select(k => "," + Quote(layout.Keys[k].Entity) + "," + Quote(layout.Keys[k].Metric) + ",").ToArray();
        _writer = ResumableText.Open(path, resume, Header);
    }

    public ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation) => ResumableText.CheckpointAsync(_writer, cancellation);

    public async ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        for (int t = 0; t < slice.Months; t++)
        {
            string date = "," + _layout.DateOf(slice.FirstMonthIndex + t);
            for (int m = 0; m < slice.Members; m++)
            {
                string member = (slice.FirstMember + m).ToString(CultureInfo.InvariantCulture);
                for (int w = 0; w < _keyText.Length; w++)
                {
                    _writer.Write(_scenario);
                    _writer.Write(',');
                    _writer.Write(member);
                    _writer.Write(date);
                    _writer.Write(_keyText[w]);
                    double v = slice[_layout.Written[w], t, m];
                    if (!double.IsNaN(v) && v.TryFormat(_number, out int n, "R", CultureInfo.InvariantCulture))
                        _writer.Write(_number, 0, n);
                    _writer.Write('\n');
                }
            }
            cancellation.ThrowIfCancellationRequested();
        }
        await _writer.FlushAsync(cancellation);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellation) => await _writer.FlushAsync(cancellation);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
