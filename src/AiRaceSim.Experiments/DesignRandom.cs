using AiRaceSim.Model.Random;

namespace AiRaceSim.Experiments;

/// <summary>
/// Uniform numbers for designs and bootstraps: a pure function of (seed, purpose, row, column),
/// through the model's counter-based generator, so a design never depends on the order in which
/// it is built or on threads.
/// </summary>
public readonly record struct DesignRandom(ulong Seed, int Purpose)
{
    /// <summary>Purposes: distinct streams from one seed.</summary>
    public const int LatinHypercube = 1, Morris = 2, Bootstrap = 3, Prim = 4;

    /// <summary>A uniform number strictly inside (0, 1).</summary>
    public double Uniform(long row, int column) => CounterRng.Uniform(Seed, row, Purpose, column, 0);

    /// <summary>A whole number in [0, n).</summary>
    public int Below(long row, int column, int n) => (int)Math.Min(n - 1, Math.Floor(Uniform(row, column) * n));

    /// <summary>A permutation of 0..n−1 (Fisher–Yates), drawn from row <paramref name="row"/>.</summary>
    public int[] Permutation(long row, int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = Below(row, i, i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
