using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("A country's market (M1, M2).")]
internal sealed class MarketDocument
{
    private const double Inf = double.PositiveInfinity;

    [Description("Bass adoption: innovation p and imitation q per month.")]
    public AdoptionDocument? Adoption { get; init; }

    [Description("M: share of organisations that can adopt, (0, 1] (default 1)."), InRange(0, 1, MinExclusive = true)]
    public Param? Potential { get; init; }

    [Description("N at the start: share of organisations already adopting (default 0)."), InRange(0, 1)]
    public Param? InitialAdoption { get; init; }

    [Description("w: M$/month spent per unit of adoption at the start (default 0)."), InRange(0, 1e6)]
    public Param? SpendPerAdopterMusd { get; init; }

    [Description("Yearly growth factor of spending per adopter (default 1)."), InRange(0.01, 100)]
    public Param? SpendGrowthPerYear { get; init; }
}

[Description("Bass diffusion of adoption (M1).")]
internal sealed class AdoptionDocument
{
    [Description("p: innovation rate per month (default 0.004)."), InRange(0, 1)]
    public Param? P { get; init; }

    [Description("q: imitation rate per month (default 0.06)."), InRange(0, 1)]
    public Param? Q { get; init; }
}
