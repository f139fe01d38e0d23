using AiRaceSim.Model.Parameters;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>The world-wide parameters: each key given replaces the kernel's default.</summary>
internal static class ParameterBuilder
{
    public static GlobalParameters Build(ParametersDocument? p) =>
        p is null ? new GlobalParameters() : p.Given.Aggregate(new GlobalParameters(), (set, given) => set.With(given.Key, given.Value));
}
