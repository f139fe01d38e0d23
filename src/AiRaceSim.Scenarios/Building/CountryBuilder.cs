using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Yaml;
using static AiRaceSim.Scenarios.Building.BuildContext;
using static AiRaceSim.Scenarios.Binding.Scalars;

namespace AiRaceSim.Scenarios.Building;

/// <summary>Countries: ids, then each country's spec, and the licensing shorthand as events.</summary>
internal static class CountryBuilder
{
    /// <summary>Registers the ids (so any later reference can be checked) and reports bad ones.</summary>
    public static void Register(OrderedDictionary<string, CountryDocument> countries, BuildContext c)
    {
        // Ids come from the map as written: a country whose settings failed to bind is still known.
        var node = (YMap)c.Map.Node(countries);
        foreach (var key in node.Entries.Select(e => e.Key))
        {
            c.CountryIds.Add(key.Value);
            if (!CountryIdPattern().IsMatch(key.Value) || key.Value == "world")
                c.Error(key, $"country id '{Excerpt.Of(key.Value)}' is not valid; use letters, digits and '_', starting with a letter (not 'world')");
        }
        foreach (var (id, doc) in countries) c.Countries[id] = doc;
        if (node.Entries.Count == 0)
            c.Error(c.Map.Node(countries), "countries is empty; give at least one country, e.g. US: {}");
    }

    public static List<CountrySpec> Build(OrderedDictionary<string, CountryDocument> countries, BuildContext c, List<ScheduledEvent> events)
    {
        var specs = new List<CountrySpec>();
        foreach (var (id, doc) in countries)
        {
            if (c.Map.IsBroken(doc)) continue;
            var spec = Country(id, doc, c);
            if (spec is not null) specs.Add(spec);
            if (doc.Licensing is { } lic && c.Inside(lic, nameof(lic.From), lic.From, "licensing start"))
                events.Add(new ScheduledEvent
                {
                    Date = lic.From,
                    Country = new Licensing(id, true, lic.HazardPerMonth ?? 0, lic.MaxMonths),
                    Name = $"licensing:{id}",
                });
        }
        return specs;
    }

    private static CountrySpec? Country(string id, CountryDocument doc, BuildContext c)
    {
        var d = new CountrySpec { Id = id };
        var perception = doc.Perception is { } p ? Perception(id, p, c) : null;
        var history = doc.History is { } h ? History(h, c) : [];
        if ((doc.Perception is not null && perception is null) || history is null) return null;
        var market = Market(doc.Market, d.Market, c);
        var chips = doc.DomesticChips is { } k ? new DomesticChipSpec
        {
            OutputPerMonth = P(k.OutputPerMonth, d.DomesticChips.OutputPerMonth),
            GrowthPerMonth = P(k.GrowthPerMonth, d.DomesticChips.GrowthPerMonth),
            FundResponse = P(k.FundResponse, d.DomesticChips.FundResponse),
            FabCapitalMusd = P(k.FabCapitalMusd, d.DomesticChips.FabCapitalMusd),
            EfficiencyStart = P(k.EfficiencyStart, d.DomesticChips.EfficiencyStart),
            EfficiencyCeiling = P(k.EfficiencyCeiling, d.DomesticChips.EfficiencyCeiling),
            LearningChips = P(k.LearningChips, d.DomesticChips.LearningChips),
        } : d.DomesticChips;
        return d with
        {
            Market = market,
            PatentPropensity = P(doc.Patents?.Propensity, d.PatentPropensity),
            PatentQuality = P(doc.Patents?.Quality, d.PatentQuality),
            PatentSubsidy = P(doc.Patents?.Subsidy, d.PatentSubsidy),
            DomesticChips = chips,
            Perception = perception,
            ForeignApiAccess = P(doc.ForeignApiAccess, d.ForeignApiAccess),
            SmugglingBase = P(doc.SmugglingBase, d.SmugglingBase),
            Support = P(doc.SupportMusdPerMonth, d.Support),
            Vouchers = P(doc.Vouchers, d.Vouchers),
            ChipFund = P(doc.ChipFundMusdPerMonth, d.ChipFund),
            HistoryBeforeStart = history,
            Gdp = doc.Gdp is { } g ? new GdpSeries(g.TusdPerYear, g.At, g.GrowthPerYear ?? 1) : null,
            BudgetCeilingShare = P(doc.BudgetCeilingShareOfGdp, d.BudgetCeilingShare),
            SpendCeilingShare = P(doc.SpendCeilingShareOfGdp, d.SpendCeilingShare),
            FrontierRunShareScale = P(doc.FrontierRunShareScale, d.FrontierRunShareScale),
        };
    }

    private static MarketSpec Market(MarketDocument? m, MarketSpec d, BuildContext c)
    {
        if (m is null) return d;
        var spec = new MarketSpec
        {
            InnovationP = P(m.Adoption?.P, d.InnovationP),
            ImitationQ = P(m.Adoption?.Q, d.ImitationQ),
            Potential = P(m.Potential, d.Potential),
            InitialAdoption = P(m.InitialAdoption, d.InitialAdoption),
            SpendPerAdopter = P(m.SpendPerAdopterMusd, d.SpendPerAdopter),
            SpendGrowthPerYear = P(m.SpendGrowthPerYear, d.SpendGrowthPerYear),
        };
        if (spec.InitialAdoption is Fixed n && spec.Potential is Fixed pot && n.Value > pot.Value)
            c.Error(m, nameof(m.InitialAdoption), $"initial_adoption {F(n.Value)} is above the potential {F(pot.Value)}; adoption cannot exceed its potential");
        return spec;
    }

    private static PerceptionSpec? Perception(string id, PerceptionDocument p, BuildContext c)
    {
        bool ok = c.Country(p, nameof(p.Of), p.Of) & c.Country(p, nameof(p.Behind), p.Behind);
        if (ok && p.Of == p.Behind)
        {
            c.Error(p, nameof(p.Behind), $"country '{id}' perceives {p.Of} behind itself; of and behind must be different countries");
            ok = false;
        }
        if (!ok) return null;
        var d = new PerceptionSpec { Of = p.Of, Behind = p.Behind };
        return d with { Kappa = P(p.Kappa, d.Kappa), Bias = P(p.Bias, d.Bias), NoiseSd = P(p.NoiseSd, d.NoiseSd) };
    }

    private static List<(Month, double)>? History(List<Values.DatedValue<double>> history, BuildContext c)
    {
        bool ok = true;
        for (int i = 0; i < history.Count; i++)
        {
            var step = history[i];
            if (c.Horizon is var (start, _) && step.From >= start)
            {
                c.Error(step, nameof(step.From), $"history date {step.From} is not before the start {start}; history holds levels before the start only");
                ok = false;
            }
            else if (i > 0 && step.From <= history[i - 1].From)
            {
                c.Error(step, nameof(step.From), $"history steps must be in date order; {step.From} does not come after {history[i - 1].From}");
                ok = false;
            }
        }
        return ok ? history.Select(s => (s.From, s.Value)).ToList() : null;
    }
}
