using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Building;

/// <summary>
/// Export-control tiers. The kernel refuses, per member at run time, a tier that gives more
/// compute per dollar than the tier before it; this checks the same over the whole range of
/// each distribution before anything runs, so tiers take only numbers and bounded laws.
/// </summary>
internal static class TierBuilder
{
    public static IReadOnlyList<ExportTier>? Build(List<ExportTierDocument>? tiers, BuildContext c)
    {
        if (tiers is null)
        {
            c.TierCount = WorldSpec.DefaultTiers.Count;
            return WorldSpec.DefaultTiers;
        }
        c.TierCount = Math.Max(1, tiers.Count);
        if (tiers.Count == 0)
        {
            c.Error(c.Map.Node(tiers), "export_tiers is empty; give at least tier 0 (no control), or leave the key out for the default tiers");
            return null;
        }
        if (tiers.Any(c.Map.IsBroken)) return null;
        var built = tiers.Select(t => new ExportTier(t.Name, t.CompliantEfficiency?.Value ?? new Fixed(0), t.CompliantPrice?.Value ?? new Fixed(1))).ToList();
        for (int k = 1; k < built.Count; k++)
            if (built.FindIndex(0, k, t => t.Name == built[k].Name) is int first and >= 0)
            {
                c.Error(c.Map.Node(tiers[k]), $"export tier {k} is named '{built[k].Name}' like tier {first}; give each tier its own name (draws.csv names a tier's values by it)");
                return null;
            }
        // Every draw must respect the tiers' order, so only bounded laws can be checked before the run.
        bool bounded = true;
        for (int k = 0; k < built.Count; k++)
            foreach (var (value, key) in new[] { (built[k].CompliantEfficiency, "compliant_efficiency"), (built[k].CompliantPrice, "compliant_price") })
                if (DistributionSupport.Bounds(value) is null)
                {
                    c.Error(c.Map.Node(tiers[k]), $"export tier {k} ('{built[k].Name}'): {key} must be a number or a bounded distribution (uniform, triangular, beta, discrete), so that every draw can be checked against the tier before it");
                    bounded = false;
                }
        if (!bounded) return null;
        double before = 1.0; // the frontier channel: one H100e per unit price
        for (int k = 1; k < built.Count; k++)
        {
            var (low, high) = PerDollar(built[k]);
            if (high > before + 1e-12)
            {
                c.Error(c.Map.Node(tiers[k]), $"export tier {k} ('{built[k].Name}') can give up to {G4(high)} H100e per unit price, more than the {G4(before)} tier {k - 1} is sure to give; a stricter tier must not give more (lower its compliant_efficiency or raise its compliant_price)");
                return null;
            }
            before = low;
        }
        return built;
    }

    private static string G4(double x) => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    private static (double Low, double High) PerDollar(ExportTier t)
    {
        var (eLow, eHigh) = DistributionSupport.Bounds(t.CompliantEfficiency)!.Value;
        var (pLow, pHigh) = DistributionSupport.Bounds(t.CompliantPrice)!.Value;
        return (eLow / pHigh, pLow > 0 ? eHigh / pLow : double.PositiveInfinity);
    }
}
