namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// Sobol's low-discrepancy sequence in up to 32 dimensions, 32-bit, in Gray-code order (Antonov and
/// Saleev), from the direction numbers of Joe and Kuo (2008). The all-zero first point is skipped,
/// so point 1 is (½, …, ½).
/// </summary>
public sealed class SobolSequence
{
    /// <summary>
    /// Joe, S. and Kuo, F. Y. (2008), "Constructing Sobol sequences with better two-dimensional
    /// projections", SIAM J. Sci. Comput. 30, 2635–2654; the table new-joe-kuo-6.21201,
    /// https://web.maths.unsw.edu.au/~fkuo/sobol/, dimensions 2 to 32: degree s, coefficients a, m₁…mₛ.
    /// (Dimension 1 is van der Corput's sequence in base 2.)
    /// </summary>
    private static readonly (int S, int A, int[] M)[] JoeKuo =
    [
        (1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]), (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]), (5, 2, [1, 1, 5, 5, 17]), (5, 4, [1, 1, 5, 5, 5]), (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]), (5, 13, [1, 1, 1, 3, 11]), (5, 14, [1, 3, 5, 5, 31]), (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]), (6, 16, [1, 3, 1, 13, 27, 49]), (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]), (6, 25, [1, 1, 5, 5, 19, 61]), (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]), (7, 7, [1, 1, 3, 13, 7, 35, 63]), (7, 8, [1, 3, 5, 9, 1, 25, 53]),
        (7, 14, [1, 3, 1, 13, 9, 35, 107]), (7, 19, [1, 3, 1, 5, 27, 61, 31]), (7, 21, [1, 1, 5, 11, 19, 41, 61]),
        (7, 28, [1, 3, 5, 3, 3, 13, 69]), (7, 31, [1, 1, 7, 13, 1, 19, 1]), (7, 32, [1, 3, 7, 5, 13, 19, 59]),
        (7, 37, [1, 1, 3, 9, 25, 29, 41]), (7, 41, [1, 3, 5, 13, 23, 1, 55]), (7, 42, [1, 3, 7, 3, 13, 59, 17]),
    ];

    public const int MaxDimensions = 32;
    private const int Bits = 32;
    private readonly uint[][] _direction; // [dimension][bit 0..31]: v_{k+1}
    private readonly uint[] _x;
    private uint _index;

    public SobolSequence(int dimensions)
    {
        if (dimensions is < 1 or > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"a Sobol sequence here has 1 to {MaxDimensions} dimensions");
        Dimensions = dimensions;
        _x = new uint[dimensions];
        _direction = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++) _direction[d] = Directions(d);
    }

    public int Dimensions { get; }

    private static uint[] Directions(int d)
    {
        var v = new uint[Bits];
        if (d == 0)
        {
            for (int k = 0; k < Bits; k++) v[k] = 1u << (Bits - 1 - k);
            return v;
        }
        var (s, a, m) = JoeKuo[d - 1];
        for (int k = 0; k < Bits; k++)
        {
            if (k < s) { v[k] = (uint)m[k] << (Bits - 1 - k); continue; }
            uint x = v[k - s] ^ (v[k - s] >> s);
            for (int j = 1; j < s; j++)
                if (((a >> (s - 1 - j)) & 1) != 0) x ^= v[k - j];
            v[k] = x;
        }
        return v;
    }

    /// <summary>The next point, each coordinate in [0, 1).</summary>
    public void Next(Span<double> point)
    {
        if (point.Length != Dimensions) throw new ArgumentException($"the point has {point.Length} coordinates, the sequence {Dimensions}", nameof(point));
        if (_index == uint.MaxValue) throw new InvalidOperationException("a 32-bit Sobol sequence has 2³² − 1 points");
        // Gray code: point i+1 differs from point i in the direction of the lowest zero bit of i.
        int c = System.Numerics.BitOperations.TrailingZeroCount(~_index);
        _index++;
        for (int d = 0; d < Dimensions; d++)
        {
            _x[d] ^= _direction[d][c];
            point[d] = _x[d] / 4294967296.0;
        }
    }
}
