using AiRaceSim.Model.Series;

namespace AiRaceSim.Model.Tests;

/// <summary>The pool of slice arrays: exact lengths, the same array again, and never more than its capacity.</summary>
public class SliceBuffersTests
{
    [Fact]
    public void An_array_handed_back_is_rented_again_for_the_same_length_only()
    {
        var pool = new SliceBuffers(capacityBytes: 1000);
        var a = pool.Rent(10);
        Assert.Equal(10, a.Length);
        pool.Return(a);
        Assert.Equal(80, pool.Bytes);
        var other = pool.Rent(11);
        Assert.NotSame(a, other);
        Assert.Equal(11, other.Length);
        Assert.Same(a, pool.Rent(10));
        Assert.Equal(0, pool.Bytes);
        Assert.NotSame(a, pool.Rent(10)); // rented out: a new one
    }

    [Fact]
    public void It_keeps_no_more_than_its_capacity_and_drops_other_lengths_first()
    {
        var pool = new SliceBuffers(capacityBytes: 400); // 50 values
        var (a, b, c) = (pool.Rent(20), pool.Rent(20), pool.Rent(20));
        pool.Return(a);
        pool.Return(b);
        Assert.Equal(320, pool.Bytes);
        pool.Return(c); // 480 bytes would exceed 400, and nothing of another length can make room: dropped
        Assert.Equal(320, pool.Bytes);
        pool.Return(pool.Rent(30)); // 240 bytes: the two of length 20 make room
        Assert.Equal(240, pool.Bytes);
        Assert.NotSame(a, pool.Rent(20));
        Assert.NotSame(b, pool.Rent(20));
        pool.Return(new double[51]); // larger than the whole pool
        Assert.Equal(240, pool.Bytes);
    }

    [Fact]
    public void Arrays_of_a_length_nobody_rented_are_not_kept()
    {
        // A cluster client joins parts that arrived deserialised: its recorders never rent their length.
        var pool = new SliceBuffers(capacityBytes: 1000);
        pool.Return(new double[10]);
        Assert.Equal(0, pool.Bytes);
        pool.Return(pool.Rent(10));
        pool.Return(new double[10]); // now a length this process asks for
        Assert.Equal(160, pool.Bytes);
    }

    [Fact]
    public void Clearing_lets_every_pooled_array_go()
    {
        var pool = new SliceBuffers(capacityBytes: 1000);
        var a = pool.Rent(10);
        pool.Return(a);
        pool.Clear();
        Assert.Equal(0, pool.Bytes);
        Assert.NotSame(a, pool.Rent(10));
    }

    [Fact]
    public void Nothing_is_pooled_for_empty_arrays()
    {
        var pool = new SliceBuffers(capacityBytes: 1000);
        Assert.Empty(pool.Rent(0));
        pool.Return([]);
        Assert.Equal(0, pool.Bytes);
    }
}
