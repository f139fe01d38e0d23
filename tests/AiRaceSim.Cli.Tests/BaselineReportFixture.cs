using System.Globalization;

namespace AiRaceSim.Cli.Tests;

/// <summary>One 50-member baseline run with its report, shared by the report tests (the suite runs at most one such run).</summary>
public sealed class BaselineReportFixture : IAsyncLifetime
{
    private readonly CliRunner _cli = new();
    public string Folder => _cli.PathIn("baseline");
    public string Stdout { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (code, stdout, stderr) = await _cli.Run("run", Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "baseline.yaml"), "--members", "50", "--out", Folder);
        if (code != 0) throw new InvalidOperationException($"the baseline run failed ({code}): {stderr}");
        Stdout = stdout;
    }

    public Task DisposeAsync()
    {
        _cli.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>quantiles.csv read by the test itself: (entity, metric, date) → p05, p25, p50, p75, p95 (NaN when empty).</summary>
    public Dictionary<(string Entity, string Metric, string Date), double[]> Quantiles(string metric)
    {
        var rows = new Dictionary<(string, string, string), double[]>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "quantiles.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f[2] != metric) continue;
            rows[(f[1], f[2], f[0])] = f[4..9].Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        return rows;
    }
}

/// <summary>The tests of the one baseline run with a report: they share it, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BaselineReportCollection : ICollectionFixture<BaselineReportFixture>
{
    public const string Name = "report of a 50-member baseline run";
}
