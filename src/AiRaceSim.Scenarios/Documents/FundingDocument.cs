using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("Funding(t) (C2): a level in M$/month at a month, carried by yearly growth factors.")]
internal sealed class FundingDocument
{
    [Description("Funding level at 'at', M$/month."), InRange(0, 1e6)]
    public required Param MusdPerMonth { get; init; }

    [Description("The month of that level (default: the entry month, else the start).")]
    public Month? At { get; init; }

    [Description("Yearly growth factor, > 0 in every draw: a value or [[yyyy-MM, factor], …] in date order (default 1)."), InRange(0.01, 100, EveryDraw = true)]
    public Schedule<Param>? GrowthPerYear { get; init; }

    [Description("g_∞: yearly growth factor the last growth rate fades towards (MODEL.md v2, C2; MODEL.md suggests 1.15); without it growth never fades."), InRange(0.5, 10)]
    public double? FadesToPerYear { get; init; }

    [Description("h_g: months for the last growth rate to fade halfway to fades_to_per_year (MODEL.md suggests 24; default 24)."), InRange(1, 600)]
    public double? FadeHalfLifeMonths { get; init; }
}
