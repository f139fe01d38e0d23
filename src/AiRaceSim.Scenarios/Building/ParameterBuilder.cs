using AiRaceSim.Model.Parameters;
using AiRaceSim.Scenarios.Documents;
using static AiRaceSim.Scenarios.Building.BuildContext;

namespace AiRaceSim.Scenarios.Building;

/// <summary>The world-wide parameters: each key given replaces the kernel's default.</summary>
internal static class ParameterBuilder
{
    public static GlobalParameters Build(ParametersDocument? p)
    {
        var d = new GlobalParameters();
        if (p is null) return d;
        return d with
        {
            PricePerformanceAt2023 = P(p.PricePerformanceAt2023, d.PricePerformanceAt2023),
            HardwareDoublingMonths = P(p.HardwareDoublingMonths, d.HardwareDoublingMonths),
            FlopPerH100eMonth = P(p.FlopPerH100eMonth, d.FlopPerH100eMonth),
            ComputeDepreciationPerMonth = P(p.ComputeDepreciationPerMonth, d.ComputeDepreciationPerMonth),
            Utilisation = P(p.Utilisation, d.Utilisation),
            UtilisationCompliant = P(p.UtilisationCompliant, d.UtilisationCompliant),
            UtilisationDomestic = P(p.UtilisationDomestic, d.UtilisationDomestic),
            SmugglingPremium = P(p.SmugglingPremium, d.SmugglingPremium),
            SmugglingEnforcementElasticity = P(p.SmugglingEnforcementElasticity, d.SmugglingEnforcementElasticity),
            DomesticChipPrice = P(p.DomesticChipPrice, d.DomesticChipPrice),
            ResearchDepreciationPerYear = P(p.ResearchDepreciationPerYear, d.ResearchDepreciationPerYear),
            AbsorptionHalfStock = P(p.AbsorptionHalfStockMusd, d.AbsorptionHalfStock),
            ReferenceResearchStock = P(p.ReferenceResearchStockMusd, d.ReferenceResearchStock),
            ResearchReturns = P(p.ResearchReturns, d.ResearchReturns),
            AlgorithmicHalvingMonths = P(p.AlgorithmicHalvingMonths, d.AlgorithmicHalvingMonths),
            DiffusionRatePerMonth = P(p.DiffusionRatePerMonth, d.DiffusionRatePerMonth),
            PublicationLagMonths = p.PublicationLagMonths ?? d.PublicationLagMonths,
            BreakthroughRatePerMonth = P(p.BreakthroughRatePerMonth, d.BreakthroughRatePerMonth),
            BreakthroughSize = P(p.BreakthroughSize, d.BreakthroughSize),
            FineTuneLoss = P(p.FineTuneLoss, d.FineTuneLoss),
            YoungLabLoss = P(p.YoungLabLoss, d.YoungLabLoss),
            DistillationLoss = P(p.DistillationLoss, d.DistillationLoss),
            UpliftCap = P(p.DistillationUpliftCap, d.UpliftCap),
            CapabilityNoiseSd = P(p.CapabilityNoiseSd, d.CapabilityNoiseSd),
            RevenueReinvestment = P(p.RevenueReinvestment, d.RevenueReinvestment),
            ShareSensitivity = P(p.ShareSensitivity, d.ShareSensitivity),
            PatentElasticity = P(p.PatentElasticity, d.PatentElasticity),
            PatentDispersion = P(p.PatentDispersion, d.PatentDispersion),
        };
    }
}
