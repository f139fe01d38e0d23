using System.Text.Json.Nodes;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// A value that is not a plain map of keys (a number-or-distribution, a month, a tier "+1"…):
/// how the binder reads it and how the schema describes it, side by side.
/// </summary>
internal sealed record CustomKind(Func<YNode, Binder, Site, object?> Bind, Func<InRangeAttribute?, JsonNode> Schema);
