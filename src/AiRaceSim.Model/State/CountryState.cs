using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.State;

/// <summary>
/// A government's state over the members of a block: policy levels, its market, its chip
/// industry, its perceived gap. Arrays are indexed by member; per-firm arrays by the firm's
/// position in the scenario.
/// </summary>
public sealed class CountryState
{
    public readonly string Id;
    public readonly int Index, Members, TierCount;
    private readonly string[] _firmIds;

    // Export controls imposed on this country, and smuggling.
    public readonly int[] Tier;
    public readonly double[] Enforcement, SmugglingBase;
    // Support, vouchers, chip fund, patent subsidy (M$/month or rates).
    public readonly double[] Support, Vouchers, ChipFund, PatentSubsidy, PatentPropensity, PatentQuality;
    // Licensing (K5, M3): whether on, its hazard and longest wait; months since the last approval round.
    public readonly bool[] LicensingOn;
    public readonly double[] LicensingHazard;
    public readonly int[] LicensingMaxMonths, MonthsSinceApprovalRound;
    /// <summary>Set during the government step: whether this month is an approval round (K5).</summary>
    public readonly bool[] ApprovalRound;
    // Access of this country to each firm's API (w_api, K3) and appeal of each firm's models here (A, M3).
    public readonly double[][] ApiAccess, Appeal, BaseAccess, BaseAppeal;
    public readonly bool[][] Blocked;
    private readonly bool[] _isForeign;
    // Domestic chips (C3, C5).
    public readonly double[] ChipOutput, ChipEfficiency, ChipEfficiencyStart, ChipEfficiencyCeiling, CumulativeChips,
        LearningChips, ChipGrowth, ChipFundResponse, FabCapital;
    // Market (M1, M2).
    public readonly double[] Adoption, Potential, AdoptionP, AdoptionQ, SpendPerAdopter, SpendLogGrowth, Spend;
    // Saturation (C2, M2, v2): GDP in M$/month, the shares s_c and s_M,c, and this month's ceilings s·GDP.
    public readonly double[] Gdp, BudgetCeilingShare, SpendCeilingShare, BudgetCeiling, SpendCeiling;
    public readonly GdpSeries? GdpSeries;
    // Perception (G3).
    public readonly bool HasPerception;
    public readonly double[] Perceived, Kappa, Bias, NoiseSd;

    public CountryState(WorldSpec spec, int index, MemberDraws d)
    {
        var c = spec.Countries[index];
        Id = c.Id; Index = index; Members = d.Count; TierCount = spec.ExportTiers.Count;
        int n = d.Count, actor = ActorKey.Of("country", c.Id), slot = DrawSlot.ParameterBase;
        // Keys as the scenario names them (the draw log); the draw order is the slot order and may never change.
        double[] D(Distribution x, string key) => d.Draw(x, actor, slot++, $"countries.{c.Id}.{key}");
        _firmIds = spec.Firms.Select(f => f.Id).ToArray();

        Tier = new int[n]; Enforcement = new double[n]; SmugglingBase = D(c.SmugglingBase, "smuggling_base");
        Support = D(c.Support, "support_musd_per_month"); Vouchers = D(c.Vouchers, "vouchers");
        ChipFund = D(c.ChipFund, "chip_fund_musd_per_month"); PatentSubsidy = D(c.PatentSubsidy, "patents.subsidy");
        PatentPropensity = D(c.PatentPropensity, "patents.propensity"); PatentQuality = D(c.PatentQuality, "patents.quality");
        LicensingOn = new bool[n]; LicensingHazard = new double[n]; LicensingMaxMonths = new int[n];
        MonthsSinceApprovalRound = new int[n]; ApprovalRound = new bool[n];

        var foreignAccess = D(c.ForeignApiAccess, "foreign_api_access");
        int fc = spec.Firms.Count;
        ApiAccess = new double[fc][]; Appeal = new double[fc][]; BaseAccess = new double[fc][]; BaseAppeal = new double[fc][];
        Blocked = new bool[fc][]; _isForeign = new bool[fc];
        for (int j = 0; j < fc; j++)
        {
            var f = spec.Firms[j];
            bool home = f.Country == c.Id;
            _isForeign[j] = !home;
            var appeal = d.Draw(f.ForeignAppeal, ActorKey.Of("firm", f.Id), DrawSlot.ParameterBase + 90, $"firms.{f.Id}.foreign_appeal");
            BaseAccess[j] = new double[n]; BaseAppeal[j] = new double[n]; Blocked[j] = new bool[n];
            for (int m = 0; m < n; m++)
            {
                BaseAccess[j][m] = home ? 1 : f.OffersApiAbroad ? foreignAccess[m] : 0;
                BaseAppeal[j][m] = home ? 1 : f.OffersApiAbroad ? appeal[m] * foreignAccess[m] : 0;
            }
            ApiAccess[j] = (double[])BaseAccess[j].Clone();
            Appeal[j] = (double[])BaseAppeal[j].Clone();
        }

        var chips = c.DomesticChips;
        ChipOutput = D(chips.OutputPerMonth, "domestic_chips.output_per_month"); ChipGrowth = D(chips.GrowthPerMonth, "domestic_chips.growth_per_month");
        ChipFundResponse = D(chips.FundResponse, "domestic_chips.fund_response"); FabCapital = D(chips.FabCapitalMusd, "domestic_chips.fab_capital_musd");
        ChipEfficiencyStart = D(chips.EfficiencyStart, "domestic_chips.efficiency_start");
        ChipEfficiencyCeiling = D(chips.EfficiencyCeiling, "domestic_chips.efficiency_ceiling"); LearningChips = D(chips.LearningChips, "domestic_chips.learning_chips");
        ChipEfficiency = (double[])ChipEfficiencyStart.Clone(); CumulativeChips = new double[n];

        var mk = c.Market;
        AdoptionP = D(mk.InnovationP, "market.adoption.p"); AdoptionQ = D(mk.ImitationQ, "market.adoption.q");
        Potential = D(mk.Potential, "market.potential"); Adoption = D(mk.InitialAdoption, "market.initial_adoption");
        SpendPerAdopter = D(mk.SpendPerAdopter, "market.spend_per_adopter_musd");
        SpendLogGrowth = D(mk.SpendGrowthPerYear, "market.spend_growth_per_year");
        for (int m = 0; m < n; m++) SpendLogGrowth[m] = Math.Log(SpendLogGrowth[m]) / 12.0;
        Spend = new double[n];

        HasPerception = c.Perception is not null;
        var p = c.Perception ?? new PerceptionSpec { Of = c.Id, Behind = c.Id };
        Perceived = new double[n]; Array.Fill(Perceived, double.NaN);
        Kappa = D(p.Kappa, "perception.kappa"); Bias = D(p.Bias, "perception.bias"); NoiseSd = D(p.NoiseSd, "perception.noise_sd");

        // v2, drawn after the v1 parameters so their slots stay.
        GdpSeries = c.Gdp;
        BudgetCeilingShare = D(c.BudgetCeilingShare, "budget_ceiling_share_of_gdp"); SpendCeilingShare = D(c.SpendCeilingShare, "spend_ceiling_share_of_gdp");
        Gdp = new double[n]; BudgetCeiling = new double[n]; SpendCeiling = new double[n];
        SetCeilings(spec.Start);
    }

    /// <summary>GDP and the saturation ceilings for month t (∞ without a GDP series).</summary>
    public void SetCeilings(Time.Month t)
    {
        double gdp = GdpSeries?.MusdPerMonth(t) ?? double.PositiveInfinity;
        for (int m = 0; m < Members; m++)
        {
            Gdp[m] = GdpSeries is null ? double.NaN : gdp;
            BudgetCeiling[m] = BudgetCeilingShare[m] * gdp;
            SpendCeiling[m] = SpendCeilingShare[m] * gdp;
        }
    }

    public int FirmSlot(string firmId) => Array.IndexOf(_firmIds, firmId);

    /// <summary>
    /// A block: access and appeal keep the share ℓ (leakage) of what they were, so a block can
    /// never open more than there was (VPNs and resellers reach a fraction of former users).
    /// </summary>
    public void Block(int firm, int m, double leakage)
    {
        Blocked[firm][m] = true;
        ApiAccess[firm][m] = leakage * BaseAccess[firm][m];
        Appeal[firm][m] = LicensingOn[m] && _isForeign[firm] ? 0 : leakage * BaseAppeal[firm][m];
    }

    public void Unblock(int firm, int m)
    {
        Blocked[firm][m] = false;
        ApiAccess[firm][m] = BaseAccess[firm][m];
        Appeal[firm][m] = LicensingOn[m] && _isForeign[firm] ? 0 : BaseAppeal[firm][m];
    }

    /// <summary>Licensing on: unlicensed (foreign) models leave the market (M3); off: their appeal returns.</summary>
    public void SetLicensing(int m, bool on, double hazard, int maxMonths)
    {
        LicensingOn[m] = on; LicensingHazard[m] = hazard; LicensingMaxMonths[m] = maxMonths;
        MonthsSinceApprovalRound[m] = 0;
        for (int j = 0; j < _isForeign.Length; j++)
        {
            if (!_isForeign[j]) continue;
            if (on) Appeal[j][m] = 0;
            else if (Blocked[j][m]) Appeal[j][m] = BaseAccess[j][m] > 0 ? BaseAppeal[j][m] * ApiAccess[j][m] / BaseAccess[j][m] : 0;
            else Appeal[j][m] = BaseAppeal[j][m];
        }
    }
}
