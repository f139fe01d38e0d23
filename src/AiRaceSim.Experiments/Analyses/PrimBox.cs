namespace AiRaceSim.Experiments.Analyses;

/// <summary>A box of PRIM's peeling trajectory: each factor's limits and how well the box holds the cases of interest.</summary>
/// <param name="Coverage">cases of interest inside / all cases of interest.</param>
/// <param name="Density">cases of interest inside / points inside.</param>
/// <param name="Mass">points inside / all points.</param>
public sealed record PrimBox(int Step, double[] Low, double[] High, double Coverage, double Density, double Mass, int Points)
{
    /// <summary>Whether a point lies in the box (limits inclusive).</summary>
    public bool Contains(IReadOnlyList<double> x)
    {
        for (int f = 0; f < Low.Length; f++)
            if (x[f] < Low[f] || x[f] > High[f]) return false;
        return true;
    }
}

/// <summary>The peeling trajectory, the chosen box and the factors it restricts (limits inside the data's range).</summary>
/// <param name="ReachedMinDensity">false: no box was as dense as <paramref name="MinDensity"/>, and the densest one was chosen.</param>
public sealed record PrimResult(IReadOnlyList<PrimBox> Trajectory, PrimBox Chosen, IReadOnlyList<int> Restricted, double MinDensity, bool ReachedMinDensity);
