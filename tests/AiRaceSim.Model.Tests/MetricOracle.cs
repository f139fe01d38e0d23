using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// What every recorded metric should hold, worked out from a running block by routes of its own:
/// frontiers and cumulative counts kept month by month here, market shares from appeal and
/// capability, revenue from shares and spending, GDP from the scenario's series, gaps from the
/// kept histories. Call <see cref="Advance"/> after each step, then <see cref="Expected"/>.
/// The four gap metrics are the one exception: their time distances come from the production
/// TimeDistance on the kept histories (TimeDistanceTests hold its arithmetic), so here they check the wiring only.
/// Values are as the recorder writes them: NaN for ±∞, NaN for a firm before its entry.
/// </summary>
public sealed class MetricOracle(BlockSimulation sim)
{
    private readonly WorldSpec _spec = sim.Spec;
    private readonly int _n = sim.World.Members;
    // Per country and month: the best trained capability and largest run of its firms so far.
    private readonly List<double[]>[] _capability = sim.Countries.Select(_ => new List<double[]>()).ToArray();
    private readonly List<double[]>[] _run = sim.Countries.Select(_ => new List<double[]>()).ToArray();
    private readonly List<double[]> _worldCapability = [], _worldRun = [];
    // Per firm: patents and quality-weighted patents summed over the months seen.
    private readonly double[][] _patents = sim.Firms.Select(_ => new double[sim.World.Members]).ToArray();
    private readonly double[][] _quality = sim.Firms.Select(_ => new double[sim.World.Members]).ToArray();
    private double[][][] _share = [];
    private double[][] _revenue = [];

    public int Month => _worldCapability.Count - 1;

    /// <summary>Takes in the month the block has just stepped.</summary>
    public void Advance()
    {
        var entered = sim.Firms.Where(f => f.HasEntered).ToList();
        for (int c = 0; c < sim.Countries.Length; c++)
        {
            var home = entered.Where(f => f.CountryIndex == c).ToList();
            _capability[c].Add(Member(m => Math.Max(Last(_capability[c], m), home.Select(f => f.Trained[m]).DefaultIfEmpty(double.NegativeInfinity).Max())));
            _run[c].Add(Member(m => Math.Max(Last(_run[c], m), home.Select(f => f.LargestRunLogFlop[m]).DefaultIfEmpty(double.NegativeInfinity).Max())));
        }
        _worldCapability.Add(Member(m => _capability.Max(h => h[^1][m])));
        _worldRun.Add(Member(m => _run.Max(h => h[^1][m])));
        foreach (var f in entered)
            for (int m = 0; m < _n; m++)
            {
                _patents[f.Index][m] += f.Patents[m];
                _quality[f.Index][m] += f.Patents[m] * sim.Countries[f.CountryIndex].PatentQuality[m];
            }
        // M3 by hand: weight = appeal·exp(β(K − K_world)) of each active firm, shares of a market sum to 1.
        var beta = sim.Global.ShareBeta;
        _share = sim.Countries.Select(c =>
        {
            var weight = sim.Firms.Select(f => Member(m => f.Active && c.Appeal[f.Index][m] > 0 && double.IsFinite(f.Capability[m])
                ? c.Appeal[f.Index][m] * Math.Exp(beta[m] * (f.Capability[m] - _worldCapability[^1][m])) : 0)).ToArray();
            return weight.Select(w => Member(m => weight.Sum(x => x[m]) is var total && total > 0 ? w[m] / total : 0)).ToArray();
        }).ToArray();
        _revenue = sim.Firms.Select(f => Member(m => sim.Countries.Sum(c => _share[c.Index][f.Index][m] * c.Spend[m]))).ToArray();
    }

    /// <summary>The values of one series this month, one per member; <paramref name="kind"/> says what the entity is.</summary>
    public double[] Expected(SeriesKey key, out EntityKind kind)
    {
        if (key.Entity == "world") { kind = EntityKind.World; return Nan(World(key.Metric)); }
        int c = _spec.Countries.ToList().FindIndex(x => x.Id == key.Entity);
        if (c >= 0) { kind = EntityKind.Country; return Nan(Country(c, key.Metric)); }
        int p = sim.World.Gaps.Pairs.ToList().FindIndex(x => SeriesCatalog.PairName(x) == key.Entity);
        if (p >= 0) { kind = EntityKind.Pair; return Nan(Pair(p, key.Metric)); }
        int f = _spec.Firms.ToList().FindIndex(x => x.Id == key.Entity);
        if (f >= 0) { kind = EntityKind.Firm; return Nan(sim.Firms[f].HasEntered ? Firm(f, key.Metric) : Member(_ => double.NaN)); }
        var parts = key.Entity.Split('@');
        f = _spec.FirmIndex(parts[0]);
        c = _spec.CountryIndex(parts[1]);
        kind = EntityKind.FirmMarket;
        Assert.Equal("market_share", key.Metric);
        return Nan(sim.Firms[f].HasEntered ? _share[c][f] : Member(_ => double.NaN));
    }

    private double[] World(string metric) => metric switch
    {
        "capability" => _worldCapability[^1],
        "largest_run_log_flop" => _worldRun[^1],
        "compute_installed" => Sum(-1, f => f.Installed),
        "patents" => Sum(-1, f => f.Patents),
        "patents_cumulative" => Sum(-1, f => _patents[f.Index]),
        "adoption" => Member(m => sim.Countries.Average(c => c.Adoption[m])),
        "funding" => Sum(-1, f => f.Funding),
        _ => throw new ArgumentException($"no world metric '{metric}' in the oracle"),
    };

    private double[] Country(int c, string metric)
    {
        var k = sim.Countries[c];
        var gdp = _spec.Countries[c].Gdp;
        // GDP in T$/year from the scenario's series: level · growth^(years since its date).
        double tusd = gdp is null ? double.NaN : gdp.TusdPerYear * Math.Pow(gdp.GrowthPerYear, (_spec.Start + Month - gdp.At) / 12.0);
        return metric switch
        {
            "capability" => _capability[c][^1],
            "largest_run_log_flop" => _run[c][^1],
            "compute_installed" => Sum(c, f => f.Installed),
            "compute_share" => Member(m => Sum(c, f => f.Installed)[m] / Sum(-1, f => f.Installed)[m]),
            "revenue" => Sum(c, f => _revenue[f.Index]),
            "patents" => Sum(c, f => f.Patents),
            "patents_cumulative" => Sum(c, f => _patents[f.Index]),
            "export_control_tier" => Member(m => k.Tier[m]),
            "enforcement" => k.Enforcement,
            "support" => k.Support,
            "vouchers" => k.Vouchers,
            "perceived_gap_months" => k.Perceived,
            "adoption" => k.Adoption,
            "spend" => k.Spend,
            "domestic_chip_output" => k.ChipOutput,
            "domestic_chip_efficiency" => k.ChipEfficiency,
            "patent_subsidy" => k.PatentSubsidy,
            "funding" => Sum(c, f => f.Funding),
            "open_capability" => Member(m => sim.Firms.Where(f => f.HasEntered && f.CountryIndex == c && f.OpenWeights)
                .Select(f => f.Capability[m]).DefaultIfEmpty(double.NaN).Max()),
            "budget" => Sum(c, f => f.Budget),
            "gdp" => Member(_ => tusd),
            "patents_quality_cumulative" => Sum(c, f => _quality[f.Index]),
            "ai_budget_share_of_gdp" => Member(m => Sum(c, f => f.Budget)[m] / (tusd * 1e6 / 12)),
            _ => throw new ArgumentException($"no country metric '{metric}' in the oracle"),
        };
    }

    private double[] Pair(int p, string metric)
    {
        var pair = sim.World.Gaps.Pairs[p];
        int of = _spec.CountryIndex(pair.Of), behind = _spec.CountryIndex(pair.Behind);
        bool compute = metric.StartsWith("compute", StringComparison.Ordinal);
        var history = compute ? _run : _capability;
        var gaps = Enumerable.Range(0, _n).Select(m =>
            TimeDistance.Gap(history[behind].Select(a => a[m]).ToArray(), history[of].Select(a => a[m]).ToArray(), Month)).ToArray();
        return metric.EndsWith("flag", StringComparison.Ordinal) ? gaps.Select(g => (double)g.Flag).ToArray() : gaps.Select(g => g.Months).ToArray();
    }

    private double[] Firm(int i, string metric)
    {
        var f = sim.Firms[i];
        double[] Behind(List<double[]> leader, double[] level) => Member(m =>
        {
            int hint = 0;
            return TimeDistance.Behind(new MonthlySeries(leader.Select(a => a[m]).ToArray()), Month, level[m], ref hint).Months;
        });
        return metric switch
        {
            "capability" => f.Capability,
            "algorithmic_efficiency" => f.Algorithmic,
            "compute_installed" => f.Installed,
            "largest_run_log_flop" => f.LargestRunLogFlop,
            "capability_gap_months" => Behind(_worldCapability, f.Capability),
            "compute_gap_months" => Behind(_worldRun, f.LargestRunLogFlop),
            "revenue" => _revenue[i],
            "budget" => f.Budget,
            "market_share" => Member(m => _revenue[i][m] / sim.Countries.Sum(c => c.Spend[m])),
            "absorption" => Member(m => f.ResearchStock[m] / (f.ResearchStock[m] + sim.Global.Z50[m])),
            "patents" => f.Patents,
            "patents_cumulative" => _patents[i],
            "compute_added_frontier" => f.AddedByChannel[0],
            "compute_added_compliant" => f.AddedByChannel[1],
            "compute_added_smuggled" => f.AddedByChannel[2],
            "compute_added_domestic" => f.AddedByChannel[3],
            "funding" => f.Funding,
            "patents_quality_cumulative" => _quality[i],
            "trained_capability" => f.Trained,
            _ => throw new ArgumentException($"no firm metric '{metric}' in the oracle"),
        };
    }

    private double[] Sum(int country, Func<State.FirmState, double[]> values) =>
        Member(m => sim.Firms.Where(f => f.HasEntered && (country < 0 || f.CountryIndex == country)).Sum(f => values(f)[m]));

    private double[] Member(Func<int, double> value) => Enumerable.Range(0, _n).Select(value).ToArray();

    private static double Last(List<double[]> history, int m) => history.Count == 0 ? double.NegativeInfinity : history[^1][m];

    private static double[] Nan(double[] values) => values.Select(v => double.IsInfinity(v) ? double.NaN : v).ToArray();
}
