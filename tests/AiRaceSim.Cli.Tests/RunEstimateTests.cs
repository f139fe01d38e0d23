namespace AiRaceSim.Cli.Tests;

/// <summary>A run that cannot fit is refused before it starts, saying what would fit.</summary>
[Collection(CliCollection.Name)]
public sealed class RunEstimateTests : IDisposable
{
    private const long MB = 1L << 20;
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    // 128 MiB over 8 bytes × members × series months, clamped to 1..12: 1,000 × 591 → 28.4 → 12; 2,366 → 11.998 → 11;
    // 10,000 → 2.84 → 2; 100,000 → 0.28 → 1; one member of one series → 12.
    [InlineData(1000, 591, 12)]
    [InlineData(2366, 591, 11)]
    [InlineData(10000, 591, 2)]
    [InlineData(100000, 591, 1)]
    [InlineData(1, 1, 12)]
    public void Slices_shrink_to_keep_one_slice_of_series_within_128_MB(int members, int series, int months) =>
        Assert.Equal(months, Ensembles.RunRequest.SliceMonthsFor(members, series));

    [Fact]
    public void Too_much_memory_is_refused_with_the_members_that_fit()
    {
        // 480 MB of base and 1 MB per member: 980 MB available fits (980 − 480) / 1 = 500 members.
        var estimate = new RunEstimate(480 * MB + 1000 * MB, 0, 1);
        Assert.Equal("the run needs about 1.4 GB of memory and 980 MB is available; run at most 500 members (--members)",
            estimate.Refusal(1000, 980 * MB, long.MaxValue, perMemberSeries: true));
        Assert.Null(estimate.Refusal(1000, 2000 * MB, long.MaxValue, perMemberSeries: true));
    }

    [Fact]
    public void A_run_is_refused_only_below_its_least_memory_and_warned_of_between_that_and_its_most()
    {
        // At least 480 MB + 0.5 MB a member, at most 480 MB + 1 MB a member, 1,000 members.
        var estimate = new RunEstimate(1480 * MB, 0, 1, LeastMemory: 980 * MB);
        Assert.Equal("980 MB to 1.4 GB", estimate.MemoryRange);
        // 730 MB available fits (730 − 480) / 0.5 = 500 members at the least figure, (730 − 480) / 1 = 250 at the most.
        Assert.Equal("the run needs at least about 980 MB of memory (up to 1.4 GB) and 730 MB is available; run at most 500 members, 250 to be sure (--members)",
            estimate.Refusal(1000, 730 * MB, long.MaxValue, perMemberSeries: true));
        Assert.Null(estimate.MemoryWarning(1000, 730 * MB)); // refused, not warned
        Assert.Null(estimate.Refusal(1000, 1200 * MB, long.MaxValue, perMemberSeries: true));
        // (1,200 − 480) / 1 = 720 members fit at the most figure.
        Assert.Equal("the run may need up to 1.4 GB of memory and 1.2 GB is available: it fits only if its gaps let most months of " +
            "the frontier histories go (the baseline's keep about a quarter); 720 members fit for sure (--members)", estimate.MemoryWarning(1000, 1200 * MB));
        Assert.Null(estimate.MemoryWarning(1000, 1480 * MB));
    }

    [Fact]
    public void Series_files_larger_than_the_free_disk_are_refused_unless_only_quantiles_are_written()
    {
        // 10 MB of series per member; 2,500 MB free holds 250 members.
        var estimate = new RunEstimate(200 * MB, 1000 * 10 * MB, 1);
        Assert.Equal("the series files would take about 9.8 GB and the destination has 2.4 GB free; run at most 250 members, " +
            "write fewer series (outputs: in the scenario), or write quantiles only (--format none)",
            estimate.Refusal(1000, 100_000 * MB, 2500 * MB, perMemberSeries: true));
        Assert.Null(estimate.Refusal(1000, 100_000 * MB, 2500 * MB, perMemberSeries: false));
    }

    [Fact]
    public void The_estimate_grows_in_proportion_to_members_and_months()
    {
        var scenario = Scenarios.ScenarioLoader.Load(Path.Combine(ProcessTests.RepoRoot(), "scenarios", "baseline.yaml"));
        var one = RunEstimate.Of(scenario.Spec, 1000, 50, 50, 40, "baseline", true);
        var two = RunEstimate.Of(scenario.Spec, 2000, 50, 50, 40, "baseline", true);
        Assert.Equal(2 * one.OutputBytes, two.OutputBytes);
        Assert.Equal(2 * (one.MemoryBytes - 480 * MB), two.MemoryBytes - 480 * MB, tolerance: 1);
        // A member: 264 months of 2 histories per country and 2 for the world, and the 3 slots of the best published level (L_pub
        // is 3 months; 8 bytes each); 50 series × 12 months (a slice: 128 MiB
        // holds 335 months of them) in 4 copies; 60 arrays of 8 bytes per firm and country. And 1 MB for each of 20 worlds.
        int countries = scenario.Spec.Countries.Count, firms = scenario.Spec.Firms.Count;
        double perMember = (264.0 * (2 * countries + 2) + 3) * 8 + 50 * 12 * 32 + (firms + countries) * 480;
        Assert.Equal(480 * MB + 20 * MB + 1000 * perMember, one.MemoryBytes, tolerance: 1);
        // At least: the histories' first chunk, the one before the current, the current and a spare: 64 months instead of 264.
        Assert.Equal(one.MemoryBytes - 1000 * (264.0 - 64) * (2 * countries + 2) * 8, one.LeastMemoryBytes, tolerance: 1);
        // 264 months × 40 series × 1,000 members, each row "baseline" + 52 bytes.
        Assert.Equal(264L * 40 * 1000 * 60, one.OutputBytes);
    }

    [Fact]
    public async Task A_hundred_thousand_member_run_of_every_series_to_2100_is_refused_before_it_allocates()
    {
        // The baseline to 2100 (1,044 months), every series member by member: about 2,800 GB of series.csv (what the refusal
        // says here), so a destination with less than 2,500 GB free refuses it (by memory first where that runs out);
        // one with more might hold it, and the run would start: skipped there.
        var dir = _cli.PathIn("huge");
        long free = new DriveInfo(_cli.Scratch).AvailableFreeSpace;
        if (free > 2500L * 1024 * MB)
        {
            Console.WriteLine($"skipped: this destination might hold even this run ({free / (1024 * MB)} GB free)");
            return;
        }
        var scenario = Path.Combine(_cli.Scratch, "to-2100.yaml");
        File.WriteAllText(scenario, $"extends: {Path.Combine(ProcessTests.RepoRoot(), "scenarios", "baseline.yaml")}\nname: to-2100\nend: 2100-12\n" +
            "outputs: { per_member: all }\n");
        long before = GC.GetTotalMemory(false);
        var (code, stdout, stderr) = await _cli.Run("run", scenario, "--members", "100000", "--out", dir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches(@"^airace: .*to-2100\.yaml: (the run needs at least about [0-9.]+ GB of memory \(up to [0-9.]+ GB\) and [0-9.]+ GB is available; run at most [0-9,]+ members, [0-9,]+ to be sure \(--members\)" +
            @"|the series files would take about [0-9.]+ GB and the destination has [0-9.]+ GB free; run at most [0-9,]+ members, write fewer series \(outputs: in the scenario\), or write quantiles only \(--format none\))\.\n$",
            stderr.Replace("\r", ""));
        Assert.False(Directory.Exists(dir));
        Assert.Equal([scenario], Directory.GetFileSystemEntries(_cli.Scratch));
        Assert.True(GC.GetTotalMemory(false) - before < 500 * MB, "the refusal allocated the run");
    }
}
