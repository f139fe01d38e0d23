using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Series;

/// <summary>One recorded series: an entity (world, country, country pair "CN-US", firm, firm in a market "openai@CN") and a metric.</summary>
public sealed record SeriesKey(string Entity, string Metric);

/// <summary>
/// The series a run records, in a fixed order: world, then countries, pairs and firms in scenario
/// order, each with its metrics in the order listed here. Filters keep a subset (scenario
/// <c>outputs:</c>); the order stays the same.
/// </summary>
public sealed class SeriesCatalog
{
    public static readonly IReadOnlyList<string> WorldMetrics =
        ["capability", "largest_run_log_flop", "compute_installed", "patents", "patents_cumulative", "adoption", "funding"];

    public static readonly IReadOnlyList<string> CountryMetrics =
    [
        "capability", "largest_run_log_flop", "compute_installed", "compute_share", "revenue", "patents", "patents_cumulative",
        "export_control_tier", "enforcement", "support", "vouchers", "perceived_gap_months", "adoption", "spend",
        "domestic_chip_output", "domestic_chip_efficiency", "patent_subsidy", "funding", "open_capability",
    ];

    public static readonly IReadOnlyList<string> PairMetrics = ["capability_gap_months", "compute_gap_months", "capability_gap_flag", "compute_gap_flag"];

    public static readonly IReadOnlyList<string> FirmMetrics =
    [
        "capability", "algorithmic_efficiency", "compute_installed", "largest_run_log_flop", "capability_gap_months",
        "compute_gap_months", "revenue", "budget", "market_share", "absorption", "patents", "patents_cumulative",
        "compute_added_frontier", "compute_added_compliant", "compute_added_smuggled", "compute_added_domestic", "funding",
    ];

    /// <summary>For entity "firm@market": the firm's share of that market's spending (M3).</summary>
    public static readonly IReadOnlyList<string> FirmMarketMetrics = ["market_share"];

    public static IEnumerable<string> AllMetrics =>
        WorldMetrics.Concat(CountryMetrics).Concat(PairMetrics).Concat(FirmMetrics).Concat(FirmMarketMetrics).Distinct();

    internal enum Kind : byte { World, Country, Pair, Firm, FirmMarket }
    internal readonly record struct Source(Kind Kind, int Index, int Metric);

    public IReadOnlyList<SeriesKey> Keys { get; }
    internal IReadOnlyList<Source> Sources { get; }

    /// <param name="metrics">metric names to keep; null keeps all.</param>
    /// <param name="entities">entity ids to keep (country, pair "CN-US", firm, or "world"); null keeps all.</param>
    public SeriesCatalog(WorldSpec spec, IReadOnlyCollection<string>? metrics = null, IReadOnlyCollection<string>? entities = null)
    {
        var keys = new List<SeriesKey>();
        var sources = new List<Source>();
        void Add(Kind kind, int index, string entity, IReadOnlyList<string> names)
        {
            if (entities is not null && !entities.Contains(entity)) return;
            for (int i = 0; i < names.Count; i++)
            {
                if (metrics is not null && !metrics.Contains(names[i])) continue;
                keys.Add(new SeriesKey(entity, names[i]));
                sources.Add(new Source(kind, index, i));
            }
        }
        Add(Kind.World, 0, "world", WorldMetrics);
        for (int c = 0; c < spec.Countries.Count; c++) Add(Kind.Country, c, spec.Countries[c].Id, CountryMetrics);
        var pairs = WorldState.MeasuredPairs(spec);
        for (int p = 0; p < pairs.Count; p++) Add(Kind.Pair, p, PairName(pairs[p]), PairMetrics);
        for (int f = 0; f < spec.Firms.Count; f++) Add(Kind.Firm, f, spec.Firms[f].Id, FirmMetrics);
        // A firm's share in each market it can sell in: at home, and abroad when it offers its API there.
        for (int f = 0; f < spec.Firms.Count; f++)
            for (int c = 0; c < spec.Countries.Count; c++)
                if (spec.Firms[f].Country == spec.Countries[c].Id || spec.Firms[f].OffersApiAbroad)
                    Add(Kind.FirmMarket, f * spec.Countries.Count + c, $"{spec.Firms[f].Id}@{spec.Countries[c].Id}", FirmMarketMetrics);
        Keys = keys;
        Sources = sources;
    }

    public static string PairName(GapPair p) => $"{p.Of}-{p.Behind}";
}
