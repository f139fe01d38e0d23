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
    private readonly List<double[]> _months = []; // months recorded beyond an expected slice (or without one), one array each
    private readonly Stack<double[]> _free = new(); // month buffers reused after Take: no large-object churn per month
    private readonly MonthContext _context = new(members);
    private double[]? _slice; // the expected slice, in the batch's layout: its months are written in place
    private int _sliceMonths, _recorded;
    private int _firstMonth = -1;

    public SeriesCatalog Catalog => catalog;

    /// <summary>Whether months are recorded that <see cref="Take"/> has not handed out.</summary>
    public bool Holds => _recorded > 0;

    /// <summary>
    /// Says that the next <paramref name="months"/> months recorded are taken together: they are then written straight into
    /// the batch <see cref="Take"/> hands out (a slice's worth of values is not copied once more). Months beyond them, or
    /// recorded without this, are kept one array a month and copied into the batch.
    /// </summary>
    public void Expect(int months)
    {
        if (_recorded > 0) throw new InvalidOperationException("take the recorded months before expecting more");
        if (_slice is not null && _sliceMonths == months) return;
        if (_slice is not null) SliceBuffers.Shared.Return(_slice);
        (_slice, _sliceMonths) = months > 0 ? (SliceBuffers.Shared.Rent(catalog.Sources.Count * months * members), months) : (null, 0);
    }

    public void Record(int monthIndex, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries)
    {
        if (_firstMonth < 0) _firstMonth = monthIndex;
        int n = members, keys = catalog.Sources.Count;
        _context.Set(w, firms, countries, monthIndex);
        if (_recorded < _sliceMonths)
        {
            // Key k of this month at (k·months + t)·n: the batch's own layout.
            var slice = _slice!;
            for (int s = 0; s < keys; s++)
            {
                var row = slice.AsSpan((s * _sliceMonths + _recorded) * n, n);
                catalog.Sources[s].Metric.Read(_context, catalog.Sources[s].Index, row);
                InfinityToNaN(row);
            }
        }
        else
        {
            var month = _free.Count > 0 ? _free.Pop() : new double[keys * n];
            for (int s = 0; s < keys; s++)
                catalog.Sources[s].Metric.Read(_context, catalog.Sources[s].Index, month.AsSpan(s * n, n));
            InfinityToNaN(month);
            _months.Add(month);
        }
        _recorded++;
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
        if (_recorded == 0) return null;
        int months = _recorded, keys = catalog.Sources.Count, n = members;
        double[] values;
        if (months == _sliceMonths && _months.Count == 0)
        {
            values = _slice!; // every element written by Record
            (_slice, _sliceMonths) = (null, 0);
        }
        else
        {
            values = SliceBuffers.Shared.Rent(keys * months * n); // every element written below
            int inSlice = Math.Min(months, _sliceMonths);
            for (int k = 0; k < keys; k++)
                Array.Copy(_slice ?? [], k * _sliceMonths * n, values, k * months * n, inSlice * n);
            for (int t = inSlice; t < months; t++)
                for (int k = 0; k < keys; k++)
                    Array.Copy(_months[t - inSlice], k * n, values, (k * months + t) * n, n);
            if (_slice is not null) SliceBuffers.Shared.Return(_slice);
            (_slice, _sliceMonths) = (null, 0);
        }
        var batch = new SeriesBatch(_firstMonth, months, firstMember, n, keys, values);
        foreach (var buffer in _months) _free.Push(buffer);
        _months.Clear();
        _recorded = 0;
        _firstMonth = -1;
        return batch;
    }
}
