namespace AiRaceSim.Experiments.Designs;

/// <summary>
/// Design points in the unit cube, one row per point and one column per factor; the factors'
/// scales (<see cref="FactorScale"/>) turn them into values. Analyses read the points in this order.
/// </summary>
public sealed record Design(string Kind, double[][] Points)
{
    public int Count => Points.Length;
    public int Factors => Points.Length == 0 ? 0 : Points[0].Length;
}
