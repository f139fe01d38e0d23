using System.Collections.Concurrent;
using System.Globalization;
using AiRaceSim.Calibration;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli.Tests;

/// <summary>A scenario as loaded and every series the what-if tests read, for each member.</summary>
public sealed record WhatIfRun(string Name, WorldSpec Spec, EnsembleSeries Series);

/// <summary>
/// The baseline and each what-if of scenarios/what-if/, run once on the bare kernel with the same
/// seed and few members (common random numbers: member m of a what-if is member m of the
/// baseline until the what-if's change), every series of the entities the tests read kept in
/// memory. The kernel gives the same bits as the grain path that `airace run` takes (TargetRun).
/// </summary>
public sealed class WhatIfRuns
{
    public const int Members = 8;
    private const int Block = 4; // two blocks: one a core

    /// <summary>The entities read: the world, the countries, the CN–US pair and OpenAI in the Chinese market.</summary>
    public static readonly string[] Entities = ["world", "US", "CN", "KR", "JP", "IN", "UK", "EU", "CN-US", "openai@CN"];

    private readonly ConcurrentDictionary<string, Lazy<WhatIfRun>> _runs = new(StringComparer.Ordinal);

    public static string Folder => Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "what-if");

    /// <summary>The what-ifs on disk, by file name without .yaml.</summary>
    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public WhatIfRun Baseline => Run("baseline", Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "baseline.yaml"));

    /// <summary>The what-if named by its file name without .yaml (e.g. "no-api-block").</summary>
    public WhatIfRun WhatIf(string name) => Run(name, Path.Combine(Folder, name + ".yaml"));

    private WhatIfRun Run(string name, string file) =>
        _runs.GetOrAdd(file, f => new Lazy<WhatIfRun>(() => Load(name, f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static WhatIfRun Load(string name, string file)
    {
        var scenario = ScenarioLoader.Load(file, new ScenarioOverrides(Members, Block, null));
        var keys = new SeriesCatalog(scenario.Spec, null, Entities).Keys;
        return new WhatIfRun(name, scenario.Spec, TargetRun.Run(scenario.Spec, keys, Members, Block));
    }
}

/// <summary>The what-if tests share one set of runs, one test at a time (the runs use both cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WhatIfCollection : ICollectionFixture<WhatIfRuns>
{
    public const string Name = "what-ifs against the baseline";
}

/// <summary>Marks the test of one what-if (its file name without .yaml), so that a what-if without a test is found.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WhatIfAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Member-by-member comparisons of a what-if with the baseline, each failure naming the what-if and what was expected.</summary>
public static class WhatIfAssert
{
    public static Month M(string text) => Month.Parse(text);

    public static string Show(double v) => double.IsNaN(v) ? "empty" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every series read is bit-identical to the baseline's, in every member, in every month before
    /// <paramref name="change"/> (common random numbers: draws are keyed by seed, member, actor, month
    /// and slot, so nothing can differ before the change), except the series <paramref name="except"/> lets go.
    /// The what-if's own series <paramref name="first"/> are compared first, so that a failure names them.
    /// </summary>
    public static void IdenticalBefore(WhatIfRun w, WhatIfRun b, Month change, SeriesKey[]? first = null, Func<SeriesKey, bool>? except = null)
    {
        int checkedSeries = 0;
        foreach (var key in (first ?? []).Concat(Keys(b.Series)).Distinct().Where(k => except is null || !except(k)))
        {
            Assert.True(w.Series.Has(key), $"{w.Name}: the run lacks the baseline's series {key.Entity}/{key.Metric}");
            checkedSeries++;
            for (var t = b.Series.Start; t < change; t += 1)
                for (int m = 0; m < WhatIfRuns.Members; m++)
                {
                    double x = w.Series.At(key, t, m), y = b.Series.At(key, t, m);
                    Assert.True(x.Equals(y), $"{w.Name}: {key.Entity}/{key.Metric} in {t}, member {m}, is {Show(x)} where the baseline has {Show(y)}; "
                        + $"expected the baseline's value bit for bit before the what-if's change at {change} (same seed, common random numbers)");
                }
        }
        Assert.True(checkedSeries > 50, $"{w.Name}: only {checkedSeries} series compared");
    }

    /// <summary>In every member and month from..to, <paramref name="holds"/>(what-if, baseline) is true.</summary>
    public static void Every(WhatIfRun w, WhatIfRun b, SeriesKey key, Month from, Month to, Func<double, double, bool> holds, string expected)
    {
        for (var t = from; t <= to; t += 1)
            for (int m = 0; m < WhatIfRuns.Members; m++)
            {
                double x = w.Series.At(key, t, m), y = b.Series.At(key, t, m);
                Assert.True(holds(x, y), $"{w.Name}: {key.Entity}/{key.Metric} in {t}, member {m}, is {Show(x)} (baseline {Show(y)}); expected {expected}");
            }
    }

    /// <summary>In at least one member and month from..to, <paramref name="holds"/>(what-if, baseline) is true.</summary>
    public static void Some(WhatIfRun w, WhatIfRun b, SeriesKey key, Month from, Month to, Func<double, double, bool> holds, string expected)
    {
        for (var t = from; t <= to; t += 1)
            for (int m = 0; m < WhatIfRuns.Members; m++)
                if (holds(w.Series.At(key, t, m), b.Series.At(key, t, m))) return;
        Assert.Fail($"{w.Name}: {key.Entity}/{key.Metric} from {from} to {to}: expected {expected} in some member and month, found in none");
    }

    /// <summary>The median over members of the paired change what-if − baseline in month t.</summary>
    public static double PairedMedian(WhatIfRun w, WhatIfRun b, SeriesKey key, Month t) =>
        Quantiles.Median(Enumerable.Range(0, WhatIfRuns.Members).Select(m => w.Series.At(key, t, m) - b.Series.At(key, t, m)));

    public static IEnumerable<SeriesKey> Keys(EnsembleSeries run) =>
        WhatIfRuns.Entities.SelectMany(e => SeriesCatalog.AllMetrics.Select(m => new SeriesKey(e, m))).Where(run.Has);
}
