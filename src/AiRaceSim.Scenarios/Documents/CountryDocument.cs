using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("A country: its government's starting policy, market, patents and chip industry."), Entity("country")]
internal sealed class CountryDocument
{
    private const double Inf = double.PositiveInfinity;

    [Description("Market for AI services (M1, M2).")]
    public MarketDocument? Market { get; init; }

    [Description("Patenting (P1).")]
    public PatentsDocument? Patents { get; init; }

    [Description("Domestic chip industry (C3, C5).")]
    public DomesticChipsDocument? DomesticChips { get; init; }

    [Description("How the government perceives one gap (G3); needed by rules on perceived_gap_months.")]
    public PerceptionDocument? Perception { get; init; }

    [Description("w_api: access of this country to foreign firms' APIs, 1 = full (default 1)."), InRange(0, 1)]
    public Param? ForeignApiAccess { get; init; }

    [Description("λ0: smuggled share of compute spend at zero enforcement while controlled (default 0)."), InRange(0, 1)]
    public Param? SmugglingBase { get; init; }

    [Description("Sub: government support to the country's firms, M$/month, from the start (default 0)."), InRange(0, 1e6)]
    public Param? SupportMusdPerMonth { get; init; }

    [Description("θ: compute vouchers, the share of chip prices the government pays, 0..0.95 (default 0)."), InRange(0, 0.95)]
    public Param? Vouchers { get; init; }

    [Description("Fund_chip: chip fund, M$/month, from the start (default 0)."), InRange(0, 1e6)]
    public Param? ChipFundMusdPerMonth { get; init; }

    [Description("GDP, against which AI budgets and market spending saturate (v2; without it they never saturate).")]
    public GdpDocument? Gdp { get; init; }

    [Description("s_c: share of GDP that the country's AI budgets (funding, reinvested revenue, support) approach (C2, v2; default uniform 0.02–0.05)."), InRange(0, 1, MinExclusive = true)]
    public Param? BudgetCeilingShareOfGdp { get; init; }

    [Description("s_M: share of GDP that spending on AI services approaches (M2, v2; default uniform 0.02–0.05)."), InRange(0, 1, MinExclusive = true)]
    public Param? SpendCeilingShareOfGdp { get; init; }

    [Description("A multiplier on the frontier-run share of every firm of the country, drawn once per member for the whole country (v2: a country-level spread of runs; default 1)."), InRange(0.01, 100)]
    public Param? FrontierRunShareScale { get; init; }

    [Description("Dated frontier levels before the start, [[yyyy-MM, log10 FLOP], …] in date order, for gaps reaching back before it.")]
    public List<DatedValue<double>>? History { get; init; }

    [Description("Model licensing from a month on (a Licensing event at 'from').")]
    public CountryLicensingDocument? Licensing { get; init; }
}
