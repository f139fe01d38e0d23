using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The export-control tiers drawn per member: compliant-channel efficiency and price. Checked so
/// that a stricter tier never offers more H100e per dollar (what makes "stricter never raises
/// compute" hold).
/// </summary>
public sealed class TierDraws
{
    public readonly double[][] Efficiency, Price;

    public TierDraws(IReadOnlyList<ExportTier> tiers, MemberDraws d)
    {
        Efficiency = new double[tiers.Count][];
        Price = new double[tiers.Count][];
        int actor = ActorKey.Of("tiers", "export-control");
        for (int k = 0; k < tiers.Count; k++)
        {
            Efficiency[k] = d.Draw(tiers[k].CompliantEfficiency, actor, DrawSlot.ParameterBase + 2 * k, $"export_tiers.{tiers[k].Name}.compliant_efficiency");
            Price[k] = d.Draw(tiers[k].CompliantPrice, actor, DrawSlot.ParameterBase + 2 * k + 1, $"export_tiers.{tiers[k].Name}.compliant_price");
        }
        for (int k = 1; k < tiers.Count; k++)
            for (int m = 0; m < d.Count; m++)
            {
                double now = Efficiency[k][m] / Price[k][m];
                double before = k == 1 ? 1.0 : Efficiency[k - 1][m] / Price[k - 1][m];
                if (now > before + 1e-12)
                    throw new ArgumentException($"export-control tier {k} ('{tiers[k].Name}') offers more compute per dollar ({now:G4}) than tier {k - 1} ({before:G4}) in member {d.First + m}: stricter tiers must not");
            }
    }
}
