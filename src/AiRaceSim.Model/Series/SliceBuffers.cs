namespace AiRaceSim.Model.Series;

/// <summary>
/// Slices' value arrays handed back once read, for the next slice of the same size: a large ensemble's slices are
/// hundreds of megabytes a month, and fresh large arrays each time cost page faults, zeroing and full collections.
/// Arrays are matched by exact length and always fully overwritten by whoever rents them, so no result depends on
/// what the pool holds. At most <see cref="CapacityBytes"/> are kept; sizes no longer asked for make room first.
/// </summary>
public sealed class SliceBuffers
{
    /// <summary>The process's pool: the recorders, the member join and the ensemble driver share it.</summary>
    public static SliceBuffers Shared { get; } = new(CapacityBytes);

    /// <summary>Bytes the shared pool keeps: about four slices of the largest ensemble's (each within 128 MiB).</summary>
    public const long CapacityBytes = 512L << 20;

    private readonly long _capacity;
    private readonly Dictionary<int, Stack<double[]>> _byLength = [];
    private readonly Lock _lock = new();
    private long _bytes;

    public SliceBuffers(long capacityBytes) => _capacity = capacityBytes;

    /// <summary>Bytes held now.</summary>
    public long Bytes { get { lock (_lock) return _bytes; } }

    /// <summary>An array of exactly <paramref name="length"/> values, with arbitrary contents: the caller writes every element.</summary>
    public double[] Rent(int length)
    {
        if (length == 0) return [];
        lock (_lock)
        {
            if (_byLength.TryGetValue(length, out var stack) && stack.TryPop(out var array))
            {
                _bytes -= 8L * length;
                return array;
            }
        }
        return GC.AllocateUninitializedArray<double>(length);
    }

    /// <summary>Hands back an array nobody reads any more (the caller must not touch it after this).</summary>
    public void Return(double[] array)
    {
        long size = 8L * array.Length;
        if (array.Length == 0 || size > _capacity) return;
        lock (_lock)
        {
            if (_bytes + size > _capacity)
                foreach (var (length, stack) in _byLength.Where(e => e.Key != array.Length).ToList())
                {
                    _bytes -= 8L * length * stack.Count;
                    _byLength.Remove(length);
                }
            if (_bytes + size > _capacity) return; // enough of this size already: let the collector have it
            if (!_byLength.TryGetValue(array.Length, out var same)) _byLength[array.Length] = same = new Stack<double[]>();
            same.Push(array);
            _bytes += size;
        }
    }
}
