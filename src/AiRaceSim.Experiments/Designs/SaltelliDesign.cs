namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// Saltelli's design for Sobol indices (Saltelli 2002; Saltelli et al. 2010): two matrices A and B of
/// n base points (the first and last k coordinates of a 2k-dimensional Sobol sequence) and, for each
/// factor i, A with column i taken from B (AB_i) and, for second-order indices, B with column i
/// taken from A (BA_i). Rows of base point j: A_j, AB_j^1…AB_j^k, [BA_j^1…BA_j^k], B_j — so
/// n(k + 2) points, or n(2k + 2) with second order.
/// </summary>
public static class SaltelliDesign
{
    public const int MaxFactors = SobolSequence.MaxDimensions / 2;

    public static int RowsPerBase(int factors, bool secondOrder) => secondOrder ? 2 * factors + 2 : factors + 2;

    public static Design Create(int n, int factors, bool secondOrder)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "Saltelli's design needs n ≥ 2 base points");
        if (factors is < 1 or > MaxFactors)
            throw new ArgumentOutOfRangeException(nameof(factors), factors, $"Saltelli's design here takes 1 to {MaxFactors} factors (a {SobolSequence.MaxDimensions}-dimensional Sobol sequence)");
        var sobol = new SobolSequence(2 * factors);
        int per = RowsPerBase(factors, secondOrder);
        var points = new double[(long)n * per][];
        var base_ = new double[2 * factors];
        for (int j = 0; j < n; j++)
        {
            sobol.Next(base_);
            var a = base_[..factors];
            var b = base_[factors..];
            int row = j * per;
            points[row] = (double[])a.Clone();
            for (int i = 0; i < factors; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[row + 1 + i] = ab;
                if (secondOrder)
                {
                    var ba = (double[])b.Clone();
                    ba[i] = a[i];
                    points[row + 1 + factors + i] = ba;
                }
            }
            points[row + per - 1] = (double[])b.Clone();
        }
        return new Design(secondOrder ? "sobol2" : "sobol", points);
    }
}
