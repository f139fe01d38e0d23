using AiRaceSim.Model.Parameters;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>The gaps to measure; by default every other country behind the first one listed.</summary>
internal static class GapBuilder
{
    public static List<GapPair> Build(List<GapDocument>? gaps, BuildContext c)
    {
        if (gaps is null)
            return c.CountryIds.Skip(1).Select(id => new GapPair(id, c.CountryIds[0])).ToList();
        var pairs = new List<GapPair>();
        foreach (var g in gaps)
        {
            if (c.Map.IsBroken(g) || !(c.Country(g, nameof(g.Of), g.Of) & c.Country(g, nameof(g.Behind), g.Behind))) continue;
            var pair = new GapPair(g.Of, g.Behind);
            if (g.Of == g.Behind)
                c.Error(g, nameof(g.Behind), $"a gap of {g.Of} behind itself; of and behind must be different countries");
            else if (pairs.Contains(pair))
                c.Error(c.Map.Node(g), $"the gap {g.Of} behind {g.Behind} is listed twice; list each gap once");
            else
                pairs.Add(pair);
        }
        return pairs;
    }
}
