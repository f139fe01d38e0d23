namespace AiRaceSim.Model.Series;

/// <summary>
/// Slices' value arrays handed back once read, for the next slice of the same size: a large ensemble's slices are
/// hundreds of megabytes a month, and fresh large arrays each time cost page faults, zeroing and full collections.
/// Arrays are matched by exact length and always fully overwritten by whoever rents them, so no result depends on
/// what the pool holds. Only lengths this process rents are kept (a cluster client is handed arrays its recorders never
/// ask for), at most <see cref="CapacityBytes"/>; other lengths make room first.
/// </summary>
public sealed class SliceBuffers
{
    /// <summary>The process's pool: the recorders, the member join and the ensemble driver share it.</summary>
    public static SliceBuffers Shared { get; } = new(CapacityBytes);

    /// <summary>
    /// Bytes the shared pool keeps: a slice's block parts, the slice joined from them and the one still being written, up to
    /// the largest ensemble's (a month of 100,000 members × 592 series is 474 MB; a slice is never shorter than a month).
    /// </summary>
    public const long CapacityBytes = 2L << 30;

    private readonly long _capacity;
    private readonly Dictionary<int, Stack<double[]>> _byLength = [];
    private readonly HashSet<int> _rented = [];
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
            _rented.Add(length);
            if (_byLength.TryGetValue(length, out var stack) && stack.TryPop(out var array))
            {
                _bytes -= 8L * length;
                return array;
            }
        }
        return GC.AllocateUninitializedArray<double>(length);
    }

    /// <summary>Lets every pooled array go (the end of a run: the next may want other sizes; arrays rented out are not affected).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _byLength.Clear();
            _rented.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Hands back an array nobody reads any more (the caller must not touch it after this).</summary>
    public void Return(double[] array)
    {
        long size = 8L * array.Length;
        if (array.Length == 0 || size > _capacity) return;
        lock (_lock)
        {
            if (!_rented.Contains(array.Length)) return; // nobody here asks for this size
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
