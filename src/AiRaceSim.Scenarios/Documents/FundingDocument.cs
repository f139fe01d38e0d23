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
}
