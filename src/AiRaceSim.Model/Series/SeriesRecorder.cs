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
    private int _firstMonth = -1;

    public SeriesCatalog Catalog => catalog;

    public void Record(int monthIndex, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries)
    {
        if (_firstMonth < 0) _firstMonth = monthIndex;
        int n = members, at = monthIndex * n;
        var month = new double[catalog.Sources.Count * n];
        var row = new double[n];
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
        _months.Clear();
        _firstMonth = -1;
        return batch;
    }

    private void World(int metric, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries, int at, double[] row)
    {
        for (int m = 0; m < members; m++)
            row[m] = metric switch
            {
                0 => w.WorldFrontier[at + m],
                1 => w.WorldComputeFrontier[at + m],
                2 => Sum(firms, f => f.Installed[m], f => f.Entered),
                3 => Sum(firms, f => f.Patents[m], f => f.Entered),
                4 => Sum(firms, f => f.PatentsCumulative[m], f => f.Entered),
                5 => countries.Count == 0 ? double.NaN : countries.Average(c => c.Adoption[m]), // unweighted mean of the countries
                _ => Sum(firms, f => f.Funding[m], f => f.Entered),
            };
    }

    private void Country(int c, int metric, WorldState w, IReadOnlyList<FirmReport> firms, IReadOnlyList<CountryReport> countries,
        int at, double[] row)
    {
        var r = countries[c];
        for (int m = 0; m < members; m++)
        {
            bool Home(FirmReport f) => f.CountryIndex == c && f.Entered;
            row[m] = metric switch
            {
                0 => w.CountryFrontier[c][at + m],
                1 => w.CountryComputeFrontier[c][at + m],
                2 => Sum(firms, f => f.Installed[m], Home),
                3 => Ratio(Sum(firms, f => f.Installed[m], Home), Sum(firms, f => f.Installed[m], f => f.Entered)),
                4 => Sum(firms, f => w.View.Revenue[f.Index][m], Home),
                5 => Sum(firms, f => f.Patents[m], Home),
                6 => Sum(firms, f => f.PatentsCumulative[m], Home),
                7 => r.Tier[m],
                8 => r.Enforcement[m],
                9 => r.Support[m],
                10 => r.Vouchers[m],
                11 => r.Perceived[m],
                12 => r.Adoption[m],
                13 => r.Spend[m],
                14 => r.ChipOutput[m],
                15 => r.ChipEfficiency[m],
                16 => r.PatentSubsidy[m],
                _ => Sum(firms, f => f.Funding[m], Home),
            };
        }
    }

    private void Pair(int p, int metric, WorldState w, double[] row)
    {
        for (int m = 0; m < members; m++)
            row[m] = metric switch
            {
                0 => w.Gaps.Capability[p][m],
                1 => w.Gaps.Compute[p][m],
                _ => (double)w.CapabilityGapFlag[p][m],
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
                8 => Ratio(w.View.Revenue[f.Index][m], countries.Sum(c => c.Spend[m])),
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

    private static double Sum(IReadOnlyList<FirmReport> firms, Func<FirmReport, double> value, Func<FirmReport, bool> where)
    {
        double s = 0;
        foreach (var f in firms) if (where(f)) s += value(f);
        return s;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
