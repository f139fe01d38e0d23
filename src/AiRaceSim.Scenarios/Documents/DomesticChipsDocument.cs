using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("A country's domestic chip industry (C3 domestic channel, C5).")]
internal sealed class DomesticChipsDocument
{
    private const double Inf = double.PositiveInfinity;

    [Description("Q_D: chips made per month at the start (default 0)."), InRange(0, 1e9)]
    public Param? OutputPerMonth { get; init; }

    [Description("g_D: monthly growth of output, ≥ −1 (default 0)."), InRange(-1, 10)]
    public Param? GrowthPerMonth { get; init; }

    [Description("ν_D: extra growth per unit of chip fund relative to fab capital (default 0)."), InRange(0, 100)]
    public Param? FundResponse { get; init; }

    [Description("K_fab: fab capital, M$ (default 10000)."), InRange(1e-3, 1e9)]
    public Param? FabCapitalMusd { get; init; }

    [Description("η_D at the start: H100-equivalents per domestic chip (default 0.3)."), InRange(0, 100)]
    public Param? EfficiencyStart { get; init; }

    [Description("The efficiency learning approaches (default 0.45)."), InRange(0, 100)]
    public Param? EfficiencyCeiling { get; init; }

    [Description("Q_learn: cumulative chips for 63% of the learning (default 1e6)."), InRange(1, 1e12)]
    public Param? LearningChips { get; init; }
}
