using AiRaceSim.Ensembles;

namespace AiRaceSim.Cli.Tests;

/// <summary>The progress line's rate and time left, worked out by hand.</summary>
public class ProgressRateTests
{
    [Fact]
    public void A_quarter_done_in_ten_seconds_is_a_fortieth_of_the_members_per_second_and_thirty_seconds_left() =>
        // 1,000 members, 66 of 264 months (a quarter) in 10 s: 250 members' worth in 10 s = 25 members/s; 3 quarters left = 30 s.
        Assert.Equal(", 25 members/s, about 30 s left", ProgressDisplay.Rate(new RunProgress(66, 264, 1000), TimeSpan.FromSeconds(10)));

    [Fact]
    public void At_the_end_only_the_rate_and_before_the_first_slice_nothing()
    {
        Assert.Equal(", 1,000 members/s", ProgressDisplay.Rate(new RunProgress(264, 264, 10000), TimeSpan.FromSeconds(10)));
        Assert.Equal("", ProgressDisplay.Rate(new RunProgress(0, 264, 10000), TimeSpan.FromSeconds(3)));
        // A quarter in 2.5 s: 3 · 0.25 / 2.5 = 0.3 members/s; 2.5 · 0.75 / 0.25 = 7.5 s left, rounded up to 8.
        Assert.Equal(", 0.3 members/s, about 8 s left", ProgressDisplay.Rate(new RunProgress(12, 48, 3), TimeSpan.FromSeconds(2.5)));
    }

    [Fact]
    public void A_resumed_run_counts_only_the_months_it_stepped()
    {
        // Resumed after 132 of 264 months, at 198 in 10 s: 66 months (a quarter) of 1,000 members = 25 members/s;
        // a quarter left at the same pace = 10 s. Counting from month 0 would say 75 members/s and about 3 s.
        Assert.Equal(", 25 members/s, about 10 s left", ProgressDisplay.Rate(new RunProgress(198, 264, 1000), TimeSpan.FromSeconds(10), from: 132));
        Assert.Equal("", ProgressDisplay.Rate(new RunProgress(132, 264, 1000), TimeSpan.FromSeconds(1), from: 132));
    }
}

/// <summary>What a --checkpoints run keeps at a time, worked out by hand for the baseline.</summary>
public class CheckpointEstimateTests
{
    [Fact]
    public void The_baselines_checkpoints_of_ten_members_take_three_generations_of_its_state()
    {
        var spec = Scenarios.ScenarioLoader.Load(Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "baseline.yaml")).Spec;
        Assert.Equal((264, 7, 26), (spec.Months, spec.Countries.Count, spec.Firms.Count));
        // Per member and checkpoint: 264 months × (2·7 + 2) frontier values + 50 × 26 + 60 × 7 actor values = 5,944 doubles
        // = 47,552 bytes; three generations of ten members: 1,426,560 bytes.
        Assert.Equal(1_426_560, RunEstimate.CheckpointBytes(spec, 10));
    }
}
