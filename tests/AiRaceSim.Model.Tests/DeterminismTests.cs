namespace AiRaceSim.Model.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_bit_identical_state_every_month()
    {
        var a = Snapshot.Trace(TestWorlds.WithPolicy(), 0, 6);
        var b = Snapshot.Trace(TestWorlds.WithPolicy(), 0, 6);
        for (int m = 0; m < 6; m++) Assert.Equal(a[m], b[m]);
    }

    [Fact]
    public void Another_seed_gives_other_draws()
    {
        var a = Snapshot.Trace(TestWorlds.WithPolicy(seed: 1), 0, 2);
        var b = Snapshot.Trace(TestWorlds.WithPolicy(seed: 2), 0, 2);
        Assert.NotEqual(a[0], b[0]);
        Assert.NotEqual(a[0], a[1]); // and members differ from each other
    }

    [Fact]
    public void Members_0_to_99_are_the_same_in_one_block_in_blocks_of_25_and_in_blocks_of_7()
    {
        var spec = TestWorlds.WithPolicy(months: 60);
        var whole = Snapshot.Trace(spec, 0, 100);
        foreach (int size in new[] { 25, 7 })
            for (int first = 0; first < 100; first += size)
            {
                int count = Math.Min(size, 100 - first);
                var part = Snapshot.Trace(spec, first, count);
                for (int m = 0; m < count; m++) Assert.True(whole[first + m].SequenceEqual(part[m]), $"member {first + m}, blocks of {size}");
            }
    }
}
