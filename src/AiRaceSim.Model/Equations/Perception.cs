namespace AiRaceSim.Model.Equations;

/// <summary>A government's perceived gap (G3).</summary>
public static class Perception
{
    /// <summary>(G3) Ĝ(t+1) = Ĝ + κ·(S + ν − Ĝ); the first observation is taken as it is seen.</summary>
    public static double Update(double perceived, double measured, double kappa, double noise)
    {
        if (double.IsNaN(measured)) return perceived;
        if (double.IsNaN(perceived)) return measured + noise;
        return perceived + kappa * (measured + noise - perceived);
    }
}
