using System.Buffers;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Output;

/// <summary>
/// <c>quantiles.csv</c> (ensembles): per date, entity and metric the mean, the 5/25/50/75/95th
/// percentiles over members (R-7 interpolation, as numpy's and R's defaults, by selection:
/// <see cref="SampleQuantiles"/>) and the sample standard deviation (n − 1, as pandas' and R's
/// <c>sd</c>; empty below two members), members without a value left out. The mean sums in eight fixed lanes (<see cref="LaneSums"/>),
/// and the deviation is a second pass around it (no cancellation of large squares).
/// Each slice holds all members, so quantiles stream with the run and memory is one slice.
/// </summary>
public sealed class QuantilesWriter : ISeriesWriter
{
    public const string Header = "date,entity,metric,mean,p05,p25,p50,p75,p95,sd";
    public static readonly double[] Levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    private readonly StreamWriter _writer;
    private readonly SeriesLayout _layout;

    /// <param name="resume">A <see cref="CheckpointAsync"/> of this run's writer to go on from, or null for a new file.</param>
    public QuantilesWriter(string path, SeriesLayout layout, byte[]? resume = null)
    {
        _layout = layout;
        _writer = ResumableText.Open(path, resume, Header);
    }

    public ValueTask<byte[]> CheckpointAsync(CancellationToken cancellation) => ResumableText.CheckpointAsync(_writer, cancellation);

    public async ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        // Each series' row is computed on its own (in parallel: order statistics of many members are the
        // slow part of a large ensemble), then the rows are written in layout order.
        var written = _layout.Written;
        var rows = new string[written.Count];
        var options = new ParallelOptions { CancellationToken = cancellation };
        for (int t = 0; t < slice.Months; t++)
        {
            string date = _layout.DateOf(slice.FirstMonthIndex + t);
            int month = t;
            Parallel.For(0, written.Count, options, () => new Scratch(slice.Members), (i, _, scratch) =>
            {
                rows[i] = Row(slice, written[i], month, date, scratch);
                return scratch;
            }, scratch => scratch.Dispose());
            foreach (var row in rows) await _writer.WriteLineAsync(row);
        }
        await _writer.FlushAsync(cancellation);
    }

    /// <summary>Room for one series' values of a month, and for their selection: rented per worker thread.</summary>
    private sealed class Scratch(int members) : IDisposable
    {
        public readonly double[] Values = ArrayPool<double>.Shared.Rent(members), Selection = ArrayPool<double>.Shared.Rent(members);

        public void Dispose()
        {
            ArrayPool<double>.Shared.Return(Values);
            ArrayPool<double>.Shared.Return(Selection);
        }
    }

    /// <summary>One row: the members' values of series <paramref name="k"/> in month <paramref name="t"/> of the slice.</summary>
    private string Row(SeriesBatch slice, int k, int t, string date, Scratch scratch)
    {
        var row = slice.Values.AsSpan((k * slice.Months + t) * slice.Members, slice.Members);
        var values = scratch.Values;
        int n = 0;
        if (CopiedWithoutNaN(row, values)) n = row.Length; // most rows: every member has a value
        else foreach (double v in row) if (!double.IsNaN(v)) values[n++] = v;
        double sum = LaneSums.Sum(values.AsSpan(0, n));
        var line = new StringBuilder(160).Append(date).Append(',').Append(TidyCsvWriter.Quote(_layout.Keys[k].Entity))
            .Append(',').Append(TidyCsvWriter.Quote(_layout.Keys[k].Metric));
        double mean = sum / n;
        double sd = StandardDeviation(values.AsSpan(0, n), mean); // before selection reorders the values
        Span<double> quantiles = stackalloc double[Levels.Length];
        SampleQuantiles.Select(values.AsSpan(0, n), Levels, quantiles, scratch.Selection);
        line.Append(',').Append(n > 0 ? Format(mean) : "");
        foreach (double q in quantiles) line.Append(',').Append(n > 0 ? Format(q) : "");
        line.Append(',').Append(n > 1 ? Format(sd) : "");
        return line.ToString();
    }

    /// <summary>The sample standard deviation around <paramref name="mean"/> (squares summed by <see cref="LaneSums"/>).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values, double mean) =>
        Math.Sqrt(LaneSums.SquaredDeviations(values, mean) / (values.Length - 1));

    /// <summary>Copies <paramref name="row"/> to <paramref name="values"/> and says whether it holds no NaN (one pass for both).</summary>
    private static bool CopiedWithoutNaN(ReadOnlySpan<double> row, Span<double> values)
    {
        int i = 0;
        var nan = Vector256<double>.Zero; // all bits of a lane set once it held a NaN
        for (; i <= row.Length - 4; i += 4)
        {
            var v = Vector256.Create(row.Slice(i, 4));
            v.CopyTo(values[i..]);
            nan |= ~Vector256.Equals(v, v); // NaN ≠ NaN
        }
        bool clean = nan.ExtractMostSignificantBits() == 0;
        for (; i < row.Length; i++)
        {
            values[i] = row[i];
            clean &= !double.IsNaN(row[i]);
        }
        return clean;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public async ValueTask CompleteAsync(CancellationToken cancellation) => await _writer.FlushAsync(cancellation);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
