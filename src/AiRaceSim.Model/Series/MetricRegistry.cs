using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using static AiRaceSim.Model.Series.EntityKind;

namespace AiRaceSim.Model.Series;

/// <summary>
/// Every metric a run can record, once: name, entity kind, unit, meaning and how it is read.
/// The series catalog, the scenario binder and schema (<c>outputs.metrics</c>) and the metrics
/// table of docs/SCENARIOS.md derive from this list. Within a kind, the order here is the order
/// of the series in every output; new metrics go at the end of their kind so outputs keep their order.
/// </summary>
public static class MetricRegistry
{
    private const string LogEff = "log10 effective FLOP", Musd = "M$/month", Share = "share, 0..1", Months = "months";

    public static readonly IReadOnlyList<Metric> All =
    [
        // World
        new("capability", World, LogEff, "world frontier: the best trained capability of any country so far (G1)", (c, _, r) => Copy(c.World.WorldFrontier, c, r)),
        new("largest_run_log_flop", World, "log10 FLOP", "largest training run so far, any country (C6)", (c, _, r) => Copy(c.World.WorldComputeFrontier, c, r)),
        new("compute_installed", World, "H100e", "installed compute of all firms (C4)", (c, _, r) => c.SumOver(-1, f => f.Installed, r)),
        new("patents", World, "families/month", "GenAI patent families this month (P1)", (c, _, r) => c.SumOver(-1, f => f.Patents, r)),
        new("patents_cumulative", World, "families", "GenAI patent families since the start (P1)", (c, _, r) => c.SumOver(-1, f => f.PatentsCumulative, r)),
        new("adoption", World, Share, "unweighted mean of the countries' adoption (M1)", WorldAdoption),
        new("funding", World, Musd, "funding of all firms (C2)", (c, _, r) => c.SumOver(-1, f => f.Funding, r)),

        // Country
        new("capability", Country, LogEff, "country frontier: the best trained capability of its firms so far (G1 v2; a deployed open floor does not count)", (c, i, r) => Copy(c.World.CountryFrontier[i], c, r)),
        new("largest_run_log_flop", Country, "log10 FLOP", "largest training run of its firms so far (C6)", (c, i, r) => Copy(c.World.CountryComputeFrontier[i], c, r)),
        new("compute_installed", Country, "H100e", "installed compute of its firms (C4)", (c, i, r) => c.SumOver(i, f => f.Installed, r)),
        new("compute_share", Country, Share, "its firms' share of the world's installed compute", ComputeShare),
        new("revenue", Country, Musd, "revenue of its firms in all markets (M4)", CountryRevenue),
        new("patents", Country, "families/month", "GenAI patent families of its firms this month (P1)", (c, i, r) => c.SumOver(i, f => f.Patents, r)),
        new("patents_cumulative", Country, "families", "GenAI patent families of its firms since the start (P1)", (c, i, r) => c.SumOver(i, f => f.PatentsCumulative, r)),
        new("export_control_tier", Country, "tier", "export-control tier imposed on it (C3; 0 = none)", (c, i, r) => { for (int m = 0; m < c.Members; m++) r[m] = c.Countries[i].Tier[m]; }),
        new("enforcement", Country, "level", "enforcement of the controls on it (C3)", (c, i, r) => Copy(c.Countries[i].Enforcement, r)),
        new("support", Country, Musd, "government support to its firms (C2)", (c, i, r) => Copy(c.Countries[i].Support, r)),
        new("vouchers", Country, "share of price", "compute vouchers θ (C3)", (c, i, r) => Copy(c.Countries[i].Vouchers, r)),
        new("perceived_gap_months", Country, Months, "its government's perceived gap Ĝ (G3)", (c, i, r) => Copy(c.Countries[i].Perceived, r)),
        new("adoption", Country, Share, "share of organisations using AI services (M1)", (c, i, r) => Copy(c.Countries[i].Adoption, r)),
        new("spend", Country, Musd, "spending on AI services, after saturation (M2)", (c, i, r) => Copy(c.Countries[i].Spend, r)),
        new("domestic_chip_output", Country, "chips/month", "domestic AI accelerators made this month (C5)", (c, i, r) => Copy(c.Countries[i].ChipOutput, r)),
        new("domestic_chip_efficiency", Country, "H100e per chip", "η_D of domestic chips (C5)", (c, i, r) => Copy(c.Countries[i].ChipEfficiency, r)),
        new("patent_subsidy", Country, "multiplier", "patent subsidy M_c (P1)", (c, i, r) => Copy(c.Countries[i].PatentSubsidy, r)),
        new("funding", Country, Musd, "funding of its firms (C2)", (c, i, r) => c.SumOver(i, f => f.Funding, r)),
        new("open_capability", Country, LogEff, "best deployed capability among its open-weights firms (T8; −∞, written empty, when none)", (c, i, r) => c.MaxOver(i, f => f.OpenWeights, f => f.Capability, r)),
        new("budget", Country, Musd, "budgets of its firms after saturation: funding, reinvested revenue, support (C2)", (c, i, r) => c.SumOver(i, f => f.Budget, r)),
        new("gdp", Country, "T$/year", "GDP of the scenario's series (C2 v2; empty without one)", (c, i, r) => { for (int m = 0; m < c.Members; m++) r[m] = c.Countries[i].Gdp[m] * 12 / 1e6; }),
        new("patents_quality_cumulative", Country, "families × quality", "GenAI patent families since the start, each weighted by its country's quality q_c (P1)", (c, i, r) => c.SumOver(i, f => f.PatentsQualityCumulative, r)),
        new("ai_budget_share_of_gdp", Country, Share, "its firms' budgets as a share of GDP (B1; empty without GDP)", BudgetShareOfGdp),

        // Pair
        new("capability_gap_months", Pair, Months, "time distance of the follower behind the leader in capability, negative when it leads (G2)", (c, p, r) => Copy(c.World.Gaps.Capability[p], r)),
        new("compute_gap_months", Pair, Months, "the same distance on the largest training run (G2)", (c, p, r) => Copy(c.World.Gaps.Compute[p], r)),
        new("capability_gap_flag", Pair, "code", "how the capability gap was measured (G2): 0 exact, 1 extrapolated before the start, 2 at least, 3 at most (a bound), 4 undefined (a side has no level yet)", (c, p, r) => { for (int m = 0; m < c.Members; m++) r[m] = (double)c.World.CapabilityGapFlag[p][m]; }),
        new("compute_gap_flag", Pair, "code", "the same flag for the compute gap", (c, p, r) => { for (int m = 0; m < c.Members; m++) r[m] = (double)c.World.ComputeGapFlag[p][m]; }),

        // Firm (empty before a firm enters)
        Firm("capability", LogEff, "deployed capability K (K5): the better of its trained level and an open floor", f => f.Capability),
        Firm("algorithmic_efficiency", "log10 multiple", "algorithmic efficiency a, relative to the 2023-01 frontier (A2)", f => f.Algorithmic),
        Firm("compute_installed", "H100e", "installed compute (C4)", f => f.Installed),
        Firm("largest_run_log_flop", "log10 FLOP", "largest training run so far (C6)", f => f.LargestRunLogFlop),
        Firm("capability_gap_months", Months, "time distance of its deployed capability behind the world frontier (G2)", (c, f) => c.World.FirmGap[f.Index]),
        Firm("compute_gap_months", Months, "time distance of its largest run behind the world's (G2)", (c, f) => c.World.FirmComputeGap[f.Index]),
        Firm("revenue", Musd, "revenue in all markets (M4)", (c, f) => c.World.View.Revenue[f.Index]),
        Firm("budget", Musd, "budget after saturation (C2)", f => f.Budget),
        new("market_share", EntityKind.Firm, Share, "share of the world's spending on AI services (M3)", FirmWorldShare),
        Firm("absorption", Share, "absorptive capacity γ (A1)", f => f.Absorption),
        Firm("patents", "families/month", "GenAI patent families this month (P1)", f => f.Patents),
        Firm("patents_cumulative", "families", "GenAI patent families since the start (P1)", f => f.PatentsCumulative),
        Firm("compute_added_frontier", "H100e/month", "compute added through the frontier channel (C3)", f => f.AddedByChannel[0]),
        Firm("compute_added_compliant", "H100e/month", "compute added through export-compliant chips (C3)", f => f.AddedByChannel[1]),
        Firm("compute_added_smuggled", "H100e/month", "compute added through smuggled chips (C3)", f => f.AddedByChannel[2]),
        Firm("compute_added_domestic", "H100e/month", "compute added through domestic chips (C3)", f => f.AddedByChannel[3]),
        Firm("funding", Musd, "funding (C2)", f => f.Funding),
        Firm("patents_quality_cumulative", "families × quality", "GenAI patent families since the start, weighted by the home country's quality q_c (P1)", f => f.PatentsQualityCumulative),
        Firm("trained_capability", LogEff, "trained capability T = own base + capped uplift (K4, G1 v2): what counts towards its country's frontier", f => f.Trained),

        // Firm in a market
        new("market_share", FirmMarket, Share, "its share of that market's spending (M3)", FirmMarketShare),
    ];

    public static IReadOnlyList<Metric> Of(EntityKind kind) => All.Where(m => m.Kind == kind).ToArray();

    /// <summary>Every metric name once, in registry order.</summary>
    public static IEnumerable<string> Names => All.Select(m => m.Name).Distinct();

    private static Metric Firm(string name, string unit, string description, Func<FirmReport, double[]> array) =>
        Firm(name, unit, description, (_, f) => array(f));

    /// <summary>A firm metric that is one of its arrays (or the world's, per firm): copied whole, NaN before the firm enters.</summary>
    private static Metric Firm(string name, string unit, string description, Func<MonthContext, FirmReport, double[]> array) =>
        new(name, EntityKind.Firm, unit, description, (c, i, r) =>
        {
            var f = c.Firms[i];
            if (f.Entered) Copy(array(c, f), r);
            else r.Fill(double.NaN);
        });

    private static void Copy(MemberHistory history, MonthContext c, Span<double> row) => history.Read(c.MonthIndex).CopyTo(row);
    private static void Copy(double[] values, Span<double> row) => values.AsSpan(0, row.Length).CopyTo(row);

    private static void WorldAdoption(MonthContext c, int _, Span<double> row)
    {
        row.Clear();
        foreach (var k in c.Countries) for (int m = 0; m < c.Members; m++) row[m] += k.Adoption[m];
        for (int m = 0; m < c.Members; m++) row[m] = c.Countries.Count == 0 ? double.NaN : row[m] / c.Countries.Count;
    }

    private static void ComputeShare(MonthContext c, int i, Span<double> row)
    {
        c.SumOver(-1, f => f.Installed, c.Scratch);
        c.SumOver(i, f => f.Installed, row);
        for (int m = 0; m < c.Members; m++) row[m] = MonthContext.Ratio(row[m], c.Scratch[m]);
    }

    private static void CountryRevenue(MonthContext c, int i, Span<double> row)
    {
        row.Clear();
        foreach (var f in c.Firms)
            if (f.Entered && f.CountryIndex == i) MonthContext.Accumulate(row, c.World.View.Revenue[f.Index]);
    }

    private static void FirmWorldShare(MonthContext c, int i, Span<double> row)
    {
        var f = c.Firms[i];
        if (!f.Entered) { row.Fill(double.NaN); return; }
        var revenue = c.World.View.Revenue[f.Index];
        var total = c.SpendTotals();
        for (int m = 0; m < row.Length; m++) row[m] = MonthContext.Ratio(revenue[m], total[m]);
    }

    private static void BudgetShareOfGdp(MonthContext c, int i, Span<double> row)
    {
        c.SumOver(i, f => f.Budget, row);
        var gdp = c.Countries[i].Gdp; // M$/month, NaN without a series
        for (int m = 0; m < c.Members; m++) row[m] = double.IsNaN(gdp[m]) ? double.NaN : row[m] / gdp[m];
    }

    private static void FirmMarketShare(MonthContext c, int i, Span<double> row)
    {
        int countries = c.Countries.Count, firm = i / countries, market = i % countries;
        var f = c.Firms[firm];
        if (f.Entered) Copy(c.World.Shares[market][f.Index], row);
        else row.Fill(double.NaN);
    }
}
