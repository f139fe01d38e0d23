using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>GDP_c(t) (MODEL.md v2, C2 and M2): the scale that AI budgets and market spending saturate against.</summary>
[Description("GDP (MODEL.md v2, C2, M2): a yearly level in T$ at a month, carried by a yearly growth factor; budgets and market spending saturate against shares of it.")]
internal sealed class GdpDocument
{
    [Description("GDP, T$ per year, at 'at'."), InRange(1e-6, 1e4, MinExclusive = true)]
    public required double TusdPerYear { get; init; }

    [Description("The month of that level.")]
    public required Month At { get; init; }

    [Description("Yearly growth factor of GDP before and after 'at' (default 1)."), InRange(0.5, 2)]
    public double? GrowthPerYear { get; init; }
}
