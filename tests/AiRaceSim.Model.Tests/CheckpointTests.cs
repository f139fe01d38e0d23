using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Tests;

/// <summary>A block restored from a checkpoint goes on as if it had never stopped (<see cref="StateImage"/>).</summary>
public class CheckpointTests
{
    private const int Members = 5;

    private static WorldSpec World(string name) => name == "rich" ? HorizonTests.Rich() : TestWorlds.WithPolicy(months: 96);

    public static TheoryData<string, int> Cuts => new()
    {
        // Before and after the export controls (month 33), the licensing (43), the block (54), the exit (62), the entry (2022-03: 26).
        { "policy", 1 }, { "policy", 26 }, { "policy", 33 }, { "policy", 44 }, { "policy", 60 }, { "policy", 95 },
        { "rich", 12 }, { "rich", 48 }, { "rich", 49 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_block_restored_from_a_checkpoint_gives_the_bits_of_the_run_that_never_stopped(string name, int cut)
    {
        var spec = World(name);
        var catalog = new SeriesCatalog(spec);
        var whole = new BlockSimulation(spec, 3, Members, catalog);
        whole.Run();
        var expected = whole.TakeSeries()!;

        var first = new BlockSimulation(spec, 3, Members, catalog);
        first.Step(cut);
        var before = first.TakeSeries()!;
        var image = first.Checkpoint();
        var second = new BlockSimulation(spec, 3, Members, catalog);
        second.Restore(image);
        Assert.Equal(cut, second.World.MonthsDone);
        Assert.Equal(Held(first.World), Held(second.World)); // the months let go stay let go, the others come back
        Assert.Equal(HeldValues(first.World), HeldValues(second.World));
        second.Run();
        var after = second.TakeSeries()!;

        var joined = SeriesBatch.Concat([before, after]);
        Assert.Equal(expected.Months, joined.Months);
        Assert.Equal(Bits(expected.Values), Bits(joined.Values));
        // And the state itself, member by member, at the end.
        Assert.Equal(Snapshot.Of(whole, 2), Snapshot.Of(second, 2));
    }

    /// <summary>Which months of which frontier history a world holds (<see cref="MemberHistory.Holds"/>).</summary>
    private static string Held(WorldState w) => string.Join(" ",
        w.Histories.Select(h => new string(Enumerable.Range(0, w.Months).Select(k => h.Holds(k) ? '1' : '0').ToArray())));

    /// <summary>Every value of every month a world's frontier histories hold, as bits.</summary>
    private static long[] HeldValues(WorldState w) =>
        [.. w.Histories.SelectMany(h => Enumerable.Range(0, w.MonthsDone).Where(h.Holds).SelectMany(k => h.Read(k).ToArray()))
            .Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void A_checkpoint_late_in_a_run_leaves_out_the_months_no_gap_reads_again()
    {
        var first = new BlockSimulation(World("policy"), 3, Members);
        first.Step(95);
        var held = Held(first.World);
        Assert.Contains('0', held); // by month 95 every chunk has been made, so a month not held was let go
        var second = new BlockSimulation(World("policy"), 3, Members);
        second.Restore(first.Checkpoint());
        Assert.Equal(held, Held(second.World));
    }

    [Fact]
    public void Restoring_the_checkpoint_of_a_block_of_other_members_is_refused()
    {
        var (spec, image) = SixMonthsIn();
        var e = Assert.Throws<InvalidDataException>(() => new BlockSimulation(spec, 0, Members + 1).Restore(image));
        Assert.Contains("does not fit: its CountryState.Members is 5, this run's 6", e.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_build_or_a_damaged_one_is_refused_with_a_reason()
    {
        var (spec, image) = SixMonthsIn();
        var other = (byte[])image.Clone();
        other[0] ^= 0xff;
        Assert.Contains("another build", Assert.Throws<InvalidDataException>(() => new BlockSimulation(spec, 0, Members).Restore(other)).Message);
        Assert.Contains("cut short", Assert.Throws<InvalidDataException>(() => new BlockSimulation(spec, 0, Members).Restore(image[..^9])).Message);
        var longer = image.Concat(new byte[] { 0 }).ToArray();
        Assert.Contains("more than", Assert.Throws<InvalidDataException>(() => new BlockSimulation(spec, 0, Members).Restore(longer)).Message);
    }

    [Fact]
    public void A_checkpoint_waits_for_the_recorded_months_to_be_taken_and_restores_only_into_a_fresh_block()
    {
        var spec = TestWorlds.WithPolicy(months: 24);
        var sim = new BlockSimulation(spec, 0, Members, new SeriesCatalog(spec));
        sim.Step(3);
        Assert.Throws<InvalidOperationException>(() => sim.Checkpoint());
        sim.TakeSeries();
        var image = sim.Checkpoint();
        Assert.Throws<InvalidOperationException>(() => sim.Restore(image));
    }

    /// <summary>The policy world's checkpoint after six months of a block of <see cref="Members"/>.</summary>
    private static (WorldSpec Spec, byte[] Image) SixMonthsIn()
    {
        var spec = TestWorlds.WithPolicy(months: 24);
        var sim = new BlockSimulation(spec, 0, Members);
        sim.Step(6);
        return (spec, sim.Checkpoint());
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
