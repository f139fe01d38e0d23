using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// What the world shows every firm at the start of month t: computed at the end of t−1, the
/// best open model, the API models, the best published algorithms L_pub months back, and per
/// firm its revenue, its share of national budgets and, in its entry month, its entry level; set
/// at the start of t from this month's policies, each country's teachers and budget saturation.
/// Arrays over members; in one process these are references, between grains copies.
/// </summary>
public sealed class WorldView(int firms, int countries, int members)
{
    public double[] OpenBest = new double[members];
    public double[] BestPublishedLagged = new double[members];
    /// <summary>Per firm: K at t−1 if it serves an API, else null.</summary>
    public double[]?[] ApiCapability = new double[]?[firms];
    /// <summary>The firms whose entry in <see cref="ApiCapability"/> is set, in firm order.</summary>
    public int[] ApiFirms = [];
    public double[][] Revenue = Enumerable.Range(0, firms).Select(_ => new double[members]).ToArray();
    public double[][] NationalShare = Enumerable.Range(0, firms).Select(_ => new double[members]).ToArray();
    /// <summary>
    /// Per country: C2's saturation σ of its firms' budgets this month (v2), from B_c(t−1) and this month's ceiling,
    /// the same for every firm of the country: set by the month protocol after governments apply (so not state).
    /// </summary>
    [NotState] public double[][] BudgetSaturation = Enumerable.Range(0, countries).Select(_ => new double[members]).ToArray();
    /// <summary>Per firm entering this month with a frontier_at entry: the world frontier of that date.</summary>
    public double[]?[] EntryLevel = new double[]?[firms];
    /// <summary>Per country: the API teachers its firms reach this month (K3), built by the month protocol after governments apply (not state).</summary>
    [NotState] public TeacherBoard[] Teachers = Enumerable.Range(0, countries).Select(_ => new TeacherBoard(members)).ToArray();
}

/// <summary>What the world hands one firm for month t: the shared view plus the firm's own slots.</summary>
public sealed record FirmInputs(
    double[] OpenBest, double[] BestPublishedLagged, TeacherBoard Teachers,
    double[] Revenue, double[] NationalShare, double[]? EntryLevel, double[] BudgetSaturation)
{
    public static FirmInputs For(WorldView v, int firm, int country) => new(v.OpenBest, v.BestPublishedLagged, v.Teachers[country],
        v.Revenue[firm], v.NationalShare[firm], v.EntryLevel[firm], v.BudgetSaturation[country]);
}

/// <summary>What one firm reports to the world at the end of a month (references into its state).</summary>
public sealed record FirmReport(
    int Index, int CountryIndex, bool Active, bool Entered, bool OpenWeights, bool ServesApi, bool Publishes,
    double[] Capability, double[] Algorithmic, double[] LargestRunLogFlop, double[] Budget,
    double[] Installed, double[] Absorption, double[] Patents, double[] PatentsCumulative, double[][] AddedByChannel,
    double[] Funding, double[] Trained, double[] BudgetDemand, double[] PatentsQualityCumulative)
{
    public static FirmReport Of(FirmState f) => new(f.Index, f.CountryIndex, f.Active, f.HasEntered, f.OpenWeights,
        f.Spec.ServesApi, f.Spec.Publishes, f.Capability, f.Algorithmic, f.LargestRunLogFlop, f.Budget,
        f.Installed, f.Absorption, f.Patents, f.PatentsCumulative, f.AddedByChannel, f.Funding, f.Trained, f.BudgetDemand,
        f.PatentsQualityCumulative);
}

/// <summary>What one country reports at the end of a month: its market (appeal of each firm, spending) and policy levels.</summary>
public sealed record CountryReport(
    int CountryIndex, double[][] Appeal, double[] Spend, double[] Adoption, int[] Tier, double[] Enforcement,
    double[] Support, double[] Vouchers, double[] Perceived, double[] ChipOutput, double[] ChipEfficiency, double[] PatentSubsidy,
    double[] Gdp)
{
    public static CountryReport Of(CountryState c) => new(c.Index, c.Appeal, c.Spend, c.Adoption, c.Tier, c.Enforcement,
        c.Support, c.Vouchers, c.Perceived, c.ChipOutput, c.ChipEfficiency, c.PatentSubsidy, c.Gdp);
}

/// <summary>What a firm reads from its home government in month t (references into the country state).</summary>
public sealed record HomePolicy(
    int[] Tier, double[] Enforcement, double[] SmugglingBase, double[] Vouchers, double[] Support,
    double[] ChipOutput, double[] ChipEfficiency, bool[] LicensingOn, bool[] ApprovalRound,
    double[] PatentPropensity, double[] PatentQuality, double[] PatentSubsidy, double[][] ApiAccess, double[] BudgetCeiling)
{
    public static HomePolicy Of(CountryState c) => new(c.Tier, c.Enforcement, c.SmugglingBase, c.Vouchers, c.Support,
        c.ChipOutput, c.ChipEfficiency, c.LicensingOn, c.ApprovalRound, c.PatentPropensity, c.PatentQuality,
        c.PatentSubsidy, c.ApiAccess, c.BudgetCeiling);
}
