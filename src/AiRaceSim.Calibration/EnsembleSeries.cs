using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Output;

namespace AiRaceSim.Calibration;

/// <summary>
/// Every month of the series the checks read, for every member, kept as slices stream by
/// (<c>[key][month][member]</c>, NaN where a value does not exist). Blocks write disjoint members.
/// </summary>
public sealed class EnsembleSeries : ISeriesWriter
{
    private readonly Dictionary<SeriesKey, int> _index = [];
    private readonly int[] _catalogKey;
    private readonly double[][][] _values;

    public EnsembleSeries(IReadOnlyList<SeriesKey> wanted, IReadOnlyList<SeriesKey> catalogKeys, Month start, int months, int members)
    {
        Start = start;
        Months = months;
        Members = members;
        var catalog = catalogKeys.ToList();
        var keys = wanted.Distinct().ToList();
        _catalogKey = keys.Select(k => catalog.IndexOf(k)).ToArray();
        for (int i = 0; i < keys.Count; i++)
        {
            if (_catalogKey[i] < 0) throw new ArgumentException($"series {keys[i].Entity}/{keys[i].Metric} is not recorded");
            _index[keys[i]] = i;
        }
        _values = keys.Select(_ => Enumerable.Range(0, months).Select(_ => Filled(members)).ToArray()).ToArray();
    }

    /// <summary>Series held in memory for tests and hand-made checks: <c>values[key][month][member]</c>.</summary>
    public EnsembleSeries(IReadOnlyDictionary<SeriesKey, double[][]> values, Month start)
    {
        Start = start;
        var keys = values.Keys.ToList();
        _catalogKey = new int[keys.Count];
        _values = keys.Select(k => values[k]).ToArray();
        Months = _values.Length == 0 ? 0 : _values[0].Length;
        Members = Months == 0 ? 0 : _values[0][0].Length;
        for (int i = 0; i < keys.Count; i++) _index[keys[i]] = i;
    }

    public Month Start { get; }
    public int Months { get; }
    public int Members { get; }
    public Month End => Start + (Months - 1);

    public bool Has(SeriesKey key) => _index.ContainsKey(key);

    /// <summary>One member's value in month t (NaN outside the run or where none exists).</summary>
    public double At(SeriesKey key, Month t, int member)
    {
        int i = t - Start;
        return i < 0 || i >= Months ? double.NaN : _values[_index[key]][i][member];
    }

    /// <summary>One member's values from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double[] Window(SeriesKey key, Month from, Month to, int member)
    {
        var w = new double[to - from + 1];
        for (int i = 0; i < w.Length; i++) w[i] = At(key, from + i, member);
        return w;
    }

    /// <summary>The median over members, month by month (NaN where no member has a value).</summary>
    public double[] MedianSeries(SeriesKey key)
    {
        var v = _values[_index[key]];
        return v.Select(month => Quantiles.Median(month)).ToArray();
    }

    public ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        for (int k = 0; k < _values.Length; k++)
            for (int t = 0; t < slice.Months; t++)
            {
                int month = slice.FirstMonthIndex + t;
                if (month < 0 || month >= Months) continue;
                var row = _values[k][month];
                for (int m = 0; m < slice.Members; m++) row[slice.FirstMember + m] = slice[_catalogKey[k], t, m];
            }
        return ValueTask.CompletedTask;
    }

    private static double[] Filled(int n) { var a = new double[n]; Array.Fill(a, double.NaN); return a; }

    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
