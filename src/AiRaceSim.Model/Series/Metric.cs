using System.Numerics;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Series;

/// <summary>What a series is about: the world, a country, a country pair "CN-US", a firm, or a firm in a market "openai@CN".</summary>
public enum EntityKind : byte { World, Country, Pair, Firm, FirmMarket }

/// <summary>Writes one month's value of a metric for one entity into <c>row</c>, one value per member (a span of the recorder's month buffer).</summary>
public delegate void MetricReader(MonthContext c, int entity, Span<double> row);

/// <summary>One recordable metric: its name, the kind of entity it belongs to, its unit, what it means, and how it is read.</summary>
public sealed record Metric(string Name, EntityKind Kind, string Unit, string Description, MetricReader Read);

/// <summary>The end of one month as metrics read it: the world after aggregation and what firms and countries reported.</summary>
public sealed class MonthContext(int members)
{
    public WorldState World { get; private set; } = null!;
    public IReadOnlyList<FirmReport> Firms { get; private set; } = [];
    public IReadOnlyList<CountryReport> Countries { get; private set; } = [];
    /// <summary>The month's index from the start: its month in the world's histories.</summary>
    public int MonthIndex { get; private set; }
    public int Members => members;
    /// <summary>A second row for metrics that need one (shares of a world total).</summary>
    public readonly double[] Scratch = new double[members];
    private readonly double[] _spendTotals = new double[members];
    private bool _spendTotalsSet;

    public void Set(WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries, int monthIndex)
    {
        World = w; Firms = firms; Countries = countries; MonthIndex = monthIndex;
        _spendTotalsSet = false;
    }

    /// <summary>Sums a firm array over the entered firms of a country (or of all countries when −1), member by member.</summary>
    public void SumOver(int country, Func<FirmReport, double[]> array, Span<double> row)
    {
        row.Clear();
        foreach (var f in Firms)
        {
            if (!f.Entered || (country >= 0 && f.CountryIndex != country)) continue;
            Accumulate(row, array(f));
        }
    }

    /// <summary>The best of a firm array over the entered firms of a country that pass a test (−∞ when none).</summary>
    public void MaxOver(int country, Func<FirmReport, bool> include, Func<FirmReport, double[]> array, Span<double> row)
    {
        row.Fill(double.NegativeInfinity);
        foreach (var f in Firms)
        {
            if (!f.Entered || f.CountryIndex != country || !include(f)) continue;
            var values = array(f);
            for (int m = 0; m < members; m++) row[m] = Math.Max(row[m], values[m]);
        }
    }

    /// <summary>The world's spending on AI services this month, member by member (countries in order; read once a month).</summary>
    public ReadOnlySpan<double> SpendTotals()
    {
        if (!_spendTotalsSet)
        {
            var totals = _spendTotals.AsSpan();
            totals.Clear();
            foreach (var c in Countries) Accumulate(totals, c.Spend);
            _spendTotalsSet = true;
        }
        return _spendTotals;
    }

    public static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;

    /// <summary><c>row[m] += values[m]</c> for every member: element by element, so the same bits as the scalar loop.</summary>
    public static void Accumulate(Span<double> row, ReadOnlySpan<double> values)
    {
        int m = 0;
        if (Vector.IsHardwareAccelerated)
            for (; m <= row.Length - Vector<double>.Count; m += Vector<double>.Count)
                (new Vector<double>(row[m..]) + new Vector<double>(values[m..])).CopyTo(row[m..]);
        for (; m < row.Length; m++) row[m] += values[m];
    }
}
