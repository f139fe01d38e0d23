using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("A gap to measure: country 'of' behind country 'behind', in months."), Entity("gap")]
internal sealed class GapDocument
{
    [Description("The follower country.")] public required string Of { get; init; }
    [Description("The leader country.")] public required string Behind { get; init; }
}
