using System.Numerics;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Series;

/// <summary>
/// Copies each month's values of the catalog's series out of the world and the firm and country
/// reports, after the world has aggregated the month. The bare kernel and the world grain both
/// record through this class, so their batches are the same bits.
/// </summary>
public sealed class SeriesRecorder(SeriesCatalog catalog, int firstMember, int members)
{
    private readonly List<double[]> _months = [];
    private readonly Stack<double[]> _free = new(); // month buffers reused after Take: no large-object churn per month
    private readonly MonthContext _context = new(members);
    private int _firstMonth = -1;

    public SeriesCatalog Catalog => catalog;

    /// <summary>Whether months are recorded that <see cref="Take"/> has not handed out.</summary>
    public bool Holds => _months.Count > 0;

    public void Record(int monthIndex, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries)
    {
        if (_firstMonth < 0) _firstMonth = monthIndex;
        int n = members;
        var month = _free.Count > 0 ? _free.Pop() : new double[catalog.Sources.Count * n];
        _context.Set(w, firms, countries, monthIndex);
        for (int s = 0; s < catalog.Sources.Count; s++)
        {
            var src = catalog.Sources[s];
            src.Metric.Read(_context, src.Index, month.AsSpan(s * n, n));
        }
        InfinityToNaN(month);
        _months.Add(month);
    }

    /// <summary>An infinite value (a frontier no firm has reached: −∞) is recorded as NaN, written empty.</summary>
    public static void InfinityToNaN(Span<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var inf = new Vector<double>(double.PositiveInfinity);
            var nan = new Vector<double>(double.NaN);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(values[i..]);
                var infinite = Vector.Equals(Vector.Abs(v), inf);
                if (infinite != Vector<long>.Zero) Vector.ConditionalSelect(infinite, nan, v).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
            if (double.IsInfinity(values[i])) values[i] = double.NaN;
    }

    /// <summary>The months recorded since the last call, as one batch; null when none.</summary>
    public SeriesBatch? Take()
    {
        if (_months.Count == 0) return null;
        int months = _months.Count, keys = catalog.Sources.Count, n = members;
        var values = SliceBuffers.Shared.Rent(keys * months * n); // every element written below
        for (int t = 0; t < months; t++)
            for (int k = 0; k < keys; k++)
                Array.Copy(_months[t], k * n, values, (k * months + t) * n, n);
        var batch = new SeriesBatch(_firstMonth, months, firstMember, n, keys, values);
        foreach (var buffer in _months) _free.Push(buffer);
        _months.Clear();
        _firstMonth = -1;
        return batch;
    }
}
