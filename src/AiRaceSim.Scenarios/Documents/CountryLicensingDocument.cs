using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("Licensing of generative models from a month on: shorthand for a 'licensing' event at 'from'.")]
internal sealed class CountryLicensingDocument
{
    [Description("First month of licensing, inside start..end.")]
    public required Month From { get; init; }

    [Description("h: chance per month of an approval round before the longest wait, 0..1 (default 0)."), InRange(0, 1)]
    public double? HazardPerMonth { get; init; }

    [Description("L_lic: longest wait for an approval round in months, ≥ 1."), InRange(1, 600)]
    public required int MaxMonths { get; init; }
}
