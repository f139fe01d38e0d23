using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Series;

/// <summary>What a series is about: the world, a country, a country pair "CN-US", a firm, or a firm in a market "openai@CN".</summary>
public enum EntityKind : byte { World, Country, Pair, Firm, FirmMarket }

/// <summary>Writes one month's value of a metric for one entity into <c>row</c>, one value per member.</summary>
public delegate void MetricReader(MonthContext c, int entity, double[] row);

/// <summary>One recordable metric: its name, the kind of entity it belongs to, its unit, what it means, and how it is read.</summary>
public sealed record Metric(string Name, EntityKind Kind, string Unit, string Description, MetricReader Read);

/// <summary>The end of one month as metrics read it: the world after aggregation and what firms and countries reported.</summary>
public sealed class MonthContext(int members)
{
    public WorldState World { get; private set; } = null!;
    public IReadOnlyList<FirmReport> Firms { get; private set; } = [];
    public IReadOnlyList<CountryReport> Countries { get; private set; } = [];
    /// <summary>Offset of this month in the world's month-major history arrays.</summary>
    public int At { get; private set; }
    public int Members => members;
    /// <summary>A second row for metrics that need one (shares of a world total).</summary>
    public readonly double[] Scratch = new double[members];

    public void Set(WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries, int monthIndex)
    {
        World = w; Firms = firms; Countries = countries; At = monthIndex * members;
    }

    /// <summary>Sums a firm array over the entered firms of a country (or of all countries when −1), member by member.</summary>
    public void SumOver(int country, Func<FirmReport, double[]> array, double[] row)
    {
        Array.Clear(row);
        foreach (var f in Firms)
        {
            if (!f.Entered || (country >= 0 && f.CountryIndex != country)) continue;
            var values = array(f);
            for (int m = 0; m < members; m++) row[m] += values[m];
        }
    }

    /// <summary>The best of a firm array over the entered firms of a country that pass a test (−∞ when none).</summary>
    public void MaxOver(int country, Func<FirmReport, bool> include, Func<FirmReport, double[]> array, double[] row)
    {
        Array.Fill(row, double.NegativeInfinity);
        foreach (var f in Firms)
        {
            if (!f.Entered || f.CountryIndex != country || !include(f)) continue;
            var values = array(f);
            for (int m = 0; m < members; m++) row[m] = Math.Max(row[m], values[m]);
        }
    }

    public double TotalSpend(int m)
    {
        double s = 0;
        foreach (var c in Countries) s += c.Spend[m];
        return s;
    }

    public static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
