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
    private readonly double[] _row = new double[members];
    private readonly double[] _world = new double[members];
    private int _firstMonth = -1;

    public SeriesCatalog Catalog => catalog;

    public void Record(int monthIndex, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries)
    {
        if (_firstMonth < 0) _firstMonth = monthIndex;
        int n = members, at = monthIndex * n;
        var month = _free.Count > 0 ? _free.Pop() : new double[catalog.Sources.Count * n];
        var row = _row;
        for (int s = 0; s < catalog.Sources.Count; s++)
        {
            var src = catalog.Sources[s];
            switch (src.Kind)
            {
                case SeriesCatalog.Kind.World: World(src.Metric, w, firms, countries, at, row); break;
                case SeriesCatalog.Kind.Country: Country(src.Index, src.Metric, w, firms, countries, at, row); break;
                case SeriesCatalog.Kind.Pair: Pair(src.Index, src.Metric, w, row); break;
                case SeriesCatalog.Kind.Firm: Firm(firms[src.Index], src.Metric, w, countries, row); break;
                default: FirmMarket(firms[src.Index / countries.Count], src.Index % countries.Count, w, row); break;
            }
            for (int m = 0; m < n; m++) month[s * n + m] = double.IsInfinity(row[m]) ? double.NaN : row[m];
        }
        _months.Add(month);
    }

    /// <summary>The months recorded since the last call, as one batch; null when none.</summary>
    public SeriesBatch? Take()
    {
        if (_months.Count == 0) return null;
        int months = _months.Count, keys = catalog.Sources.Count, n = members;
        var values = new double[keys * months * n];
        for (int t = 0; t < months; t++)
            for (int k = 0; k < keys; k++)
                Array.Copy(_months[t], k * n, values, (k * months + t) * n, n);
        var batch = new SeriesBatch(_firstMonth, months, firstMember, n, keys, values);
        foreach (var buffer in _months) _free.Push(buffer);
        _months.Clear();
        _firstMonth = -1;
        return batch;
    }

    private void World(int metric, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries, int at, double[] row)
    {
        switch (metric)
        {
            case 0: w.WorldFrontier.AsSpan(at, members).CopyTo(row); break;
            case 1: w.WorldComputeFrontier.AsSpan(at, members).CopyTo(row); break;
            case 2: SumOver(firms, -1, f => f.Installed, row); break;
            case 3: SumOver(firms, -1, f => f.Patents, row); break;
            case 4: SumOver(firms, -1, f => f.PatentsCumulative, row); break;
            case 5: // the unweighted mean of the countries
                Array.Clear(row);
                foreach (var c in countries) for (int m = 0; m < members; m++) row[m] += c.Adoption[m];
                for (int m = 0; m < members; m++) row[m] = countries.Count == 0 ? double.NaN : row[m] / countries.Count;
                break;
            default: SumOver(firms, -1, f => f.Funding, row); break;
        }
    }

    /// <summary>Sums a firm array over the entered firms of a country (or of all countries when −1), member by member.</summary>
    private void SumOver(IReadOnlyList<FirmReport> firms, int country, Func<FirmReport, double[]> array, double[] row)
    {
        Array.Clear(row);
        foreach (var f in firms)
        {
            if (!f.Entered || (country >= 0 && f.CountryIndex != country)) continue;
            var values = array(f);
            for (int m = 0; m < members; m++) row[m] += values[m];
        }
    }

    private void Country(int c, int metric, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries,
        int at, double[] row)
    {
        var r = countries[c];
        double[]? policy = metric switch
        {
            8 => r.Enforcement, 9 => r.Support, 10 => r.Vouchers, 11 => r.Perceived, 12 => r.Adoption, 13 => r.Spend,
            14 => r.ChipOutput, 15 => r.ChipEfficiency, 16 => r.PatentSubsidy, _ => null,
        };
        if (policy is not null) { policy.AsSpan(0, members).CopyTo(row); return; }
        switch (metric)
        {
            case 0: w.CountryFrontier[c].AsSpan(at, members).CopyTo(row); break;
            case 1: w.CountryComputeFrontier[c].AsSpan(at, members).CopyTo(row); break;
            case 2: SumOver(firms, c, f => f.Installed, row); break;
            case 3:
                SumOver(firms, -1, f => f.Installed, row);
                var world = _world;
                row.AsSpan().CopyTo(world);
                SumOver(firms, c, f => f.Installed, row);
                for (int m = 0; m < members; m++) row[m] = Ratio(row[m], world[m]);
                break;
            case 4:
                Array.Clear(row);
                foreach (var f in firms)
                    if (f.Entered && f.CountryIndex == c)
                        for (int m = 0; m < members; m++) row[m] += w.View.Revenue[f.Index][m];
                break;
            case 5: SumOver(firms, c, f => f.Patents, row); break;
            case 6: SumOver(firms, c, f => f.PatentsCumulative, row); break;
            case 7: for (int m = 0; m < members; m++) row[m] = r.Tier[m]; break;
            case 17: SumOver(firms, c, f => f.Funding, row); break;
            default: OpenCapability(firms, c, row); break;
        }
    }

    /// <summary>
    /// The best deployed capability among the country's open-weights firms this month (T8): the max
    /// of K over its entered firms (an exited firm's published weights stay) whose open-weights flag
    /// is set; −∞ (recorded as NaN) when there is none.
    /// </summary>
    private void OpenCapability(IReadOnlyList<FirmReport> firms, int country, double[] row)
    {
        Array.Fill(row, double.NegativeInfinity);
        foreach (var f in firms)
            if ((f.Active || f.Entered) && f.OpenWeights && f.CountryIndex == country)
                for (int m = 0; m < members; m++) row[m] = Math.Max(row[m], f.Capability[m]);
    }

    private void Pair(int p, int metric, WorldState w, double[] row)
    {
        for (int m = 0; m < members; m++)
            row[m] = metric switch
            {
                0 => w.Gaps.Capability[p][m],
                1 => w.Gaps.Compute[p][m],
                2 => (double)w.CapabilityGapFlag[p][m],
                _ => (double)w.ComputeGapFlag[p][m],
            };
    }

    private void Firm(FirmReport f, int metric, WorldState w, IReadOnlyList<CountryReport> countries, double[] row)
    {
        for (int m = 0; m < members; m++)
        {
            if (!f.Entered) { row[m] = double.NaN; continue; }
            row[m] = metric switch
            {
                0 => f.Capability[m],
                1 => f.Algorithmic[m],
                2 => f.Installed[m],
                3 => f.LargestRunLogFlop[m],
                4 => w.FirmGap[f.Index][m],
                5 => w.FirmComputeGap[f.Index][m],
                6 => w.View.Revenue[f.Index][m],
                7 => f.Budget[m],
                8 => Ratio(w.View.Revenue[f.Index][m], TotalSpend(countries, m)),
                9 => f.Absorption[m],
                10 => f.Patents[m],
                11 => f.PatentsCumulative[m],
                16 => f.Funding[m],
                _ => f.AddedByChannel[metric - 12][m],
            };
        }
    }

    private void FirmMarket(FirmReport f, int country, WorldState w, double[] row)
    {
        for (int m = 0; m < members; m++) row[m] = f.Entered ? w.Shares[country][f.Index][m] : double.NaN;
    }

    private static double TotalSpend(IReadOnlyList<CountryReport> countries, int m)
    {
        double s = 0;
        foreach (var c in countries) s += c.Spend[m];
        return s;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
