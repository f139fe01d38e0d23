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
    internal readonly record struct Source(Metric Metric, int Index);

    public IReadOnlyList<SeriesKey> Keys { get; }
    internal IReadOnlyList<Source> Sources { get; }

    /// <summary>Every metric name, from <see cref="MetricRegistry"/>.</summary>
    public static IEnumerable<string> AllMetrics => MetricRegistry.Names;

    /// <param name="metrics">metric names to keep; null keeps all.</param>
    /// <param name="entities">entity ids to keep (country, pair "CN-US", firm, or "world"); null keeps all.</param>
    public SeriesCatalog(WorldSpec spec, IReadOnlyCollection<string>? metrics = null, IReadOnlyCollection<string>? entities = null)
    {
        var keys = new List<SeriesKey>();
        var sources = new List<Source>();
        void Add(EntityKind kind, int index, string entity)
        {
            if (entities is not null && !entities.Contains(entity)) return;
            foreach (var metric in MetricRegistry.Of(kind))
            {
                if (metrics is not null && !metrics.Contains(metric.Name)) continue;
                keys.Add(new SeriesKey(entity, metric.Name));
                sources.Add(new Source(metric, index));
            }
        }
        Add(EntityKind.World, 0, "world");
        for (int c = 0; c < spec.Countries.Count; c++) Add(EntityKind.Country, c, spec.Countries[c].Id);
        var pairs = WorldState.MeasuredPairs(spec);
        for (int p = 0; p < pairs.Count; p++) Add(EntityKind.Pair, p, PairName(pairs[p]));
        for (int f = 0; f < spec.Firms.Count; f++) Add(EntityKind.Firm, f, spec.Firms[f].Id);
        // A firm's share in each market it can sell in: at home, and abroad when it offers its API there.
        for (int f = 0; f < spec.Firms.Count; f++)
            for (int c = 0; c < spec.Countries.Count; c++)
                if (spec.Firms[f].Country == spec.Countries[c].Id || spec.Firms[f].OffersApiAbroad)
                    Add(EntityKind.FirmMarket, f * spec.Countries.Count + c, $"{spec.Firms[f].Id}@{spec.Countries[c].Id}");
        Keys = keys;
        Sources = sources;
    }

    public static string PairName(GapPair p) => $"{p.Of}-{p.Behind}";
}
