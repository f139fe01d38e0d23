using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Building;

/// <summary>Turns an action map into kernel actions, checking the countries, firms and tiers it names.</summary>
internal static class ActionBuilder
{
    /// <summary>
    /// The government action of an event or rule: one per market for API blocks. Null (after
    /// reporting) when something is wrong, or when the event carries a firm action instead.
    /// </summary>
    /// <param name="government">A rule's government: the default supplier of an export control.</param>
    public static List<CountryAction>? Country(CountryActionsDocument a, BuildContext c, string? government)
    {
        switch (a)
        {
            case { ExportControl: { } x }:
                string? by = x.By ?? government;
                if (by is null)
                {
                    c.Error(c.Map.Node(x), "export_control in an event needs 'by', the supplying country; add e.g. by: US");
                    return null;
                }
                bool ok = (x.By is null || c.Country(x, nameof(x.By), x.By)) & c.Country(x, nameof(x.Target), x.Target);
                if (ok && by == x.Target)
                {
                    c.Error(x, nameof(x.Target), $"export_control by {by} targets {by} itself; a country controls exports to another country");
                    ok = false;
                }
                if (!x.Tier.Relative && x.Tier.Tier >= c.TierCount)
                {
                    c.Error(x, nameof(x.Tier), $"tier {x.Tier.Tier} is outside the tier table 0..{c.TierCount - 1}; add export_tiers or use a change such as +1");
                    ok = false;
                }
                return ok ? [new ExportControl(by, x.Target, x.Tier.Tier, x.Tier.Relative)] : null;
            case { Enforcement: { } x }:
                if (x.Relative != true && DistributionSupport.Outside(x.Level.Value, "level", NonNegative) is not null)
                {
                    c.Error(x, nameof(x.Level), "an enforcement level must be ≥ 0; set relative: true to lower the current level");
                    return null;
                }
                return One(c.Country(x, nameof(x.Target), x.Target), new Enforcement(x.Target, x.Level.Value, x.Relative ?? false));
            case { ApiBlock: { } x }:
                return Markets(x, x.Firm, x.Markets, c, government, m => new ApiBlock(x.Firm, m, x.Leakage.Value));
            case { ApiUnblock: { } x }:
                return Markets(x, x.Firm, x.Markets, c, government, m => new ApiUnblock(x.Firm, m));
            case { Vouchers: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country), new Vouchers(x.Country, x.Rate.Value));
            case { Support: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country),
                    new Support(x.Country, (x.MusdPerMonth ?? x.Scale)!.Value, Scale: x.Scale is not null));
            case { ChipFund: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country), new ChipFund(x.Country, x.MusdPerMonth.Value));
            case { DomesticChips: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country),
                    new DomesticChips(x.Country, x.EfficiencyCeiling?.Value, x.OutputScale?.Value));
            case { PatentSubsidy: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country), new PatentSubsidy(x.Country, x.Multiplier.Value));
            case { Licensing: { } x }:
                bool active = x.Active ?? true;
                if (active && x.MaxMonths is null)
                {
                    c.Error(c.Map.Node(x), "licensing needs max_months, the longest wait for an approval round in months; add e.g. max_months: 6");
                    return null;
                }
                return One(c.Country(x, nameof(x.Country), x.Country), new Licensing(x.Country, active, x.HazardPerMonth ?? 0, x.MaxMonths ?? 1));
            case { PriceWar: { } x }:
                return One(c.Country(x, nameof(x.Country), x.Country), new PriceWar(x.Country, x.SpendScale.Value));
            default:
                return null;
        }
    }

    public static FirmAction? Firm(EventDocument e, BuildContext c) => e switch
    {
        { OpenWeights: { } x } => c.Firm(x, nameof(x.Firm), x.Firm) ? new OpenWeights(x.Firm, x.Value ?? true) : null,
        { FundingScale: { } x } => c.Firm(x, nameof(x.Firm), x.Firm) ? new FundingScale(x.Firm, x.Factor.Value) : null,
        { Exit: { } x } => c.Firm(x, nameof(x.Firm), x.Firm) ? new Exit(x.Firm) : null,
        _ => null,
    };

    /// <summary>The firm an action is aimed at and the action's map, for the entry-date check.</summary>
    public static (string Firm, object Owner, bool FundingScale)? AimedAtFirm(CountryActionsDocument a) => a switch
    {
        { ApiBlock: { } x } => (x.Firm, x, false),
        { ApiUnblock: { } x } => (x.Firm, x, false),
        EventDocument { OpenWeights: { } x } => (x.Firm, x, false),
        EventDocument { FundingScale: { } x } => (x.Firm, x, true),
        EventDocument { Exit: { } x } => (x.Firm, x, false),
        _ => null,
    };

    /// <summary>
    /// The country and firm names of an action whose map had other errors (it is not built), so
    /// one load reports every independent error of the node. Members that failed to bind are null.
    /// </summary>
    public static void CheckNames(object document, BuildContext c)
    {
        foreach (var action in document.GetType().GetProperties().Select(p => p.GetValue(document)).Where(IsAction))
            foreach (var p in action!.GetType().GetProperties())
            {
                switch (p.Name, p.GetValue(action))
                {
                    case ("By" or "Target" or "Country", string country): c.Country(action, p.Name, country); break;
                    case ("Firm", string firm): c.Firm(action, p.Name, firm); break;
                    case ("Markets", List<string> markets) when c.CountryIds.Count > 0:
                        for (int i = 0; i < markets.Count; i++)
                            if (!c.CountryIds.Contains(markets[i]))
                                c.Error(c.Map.Member(markets, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? c.Map.Node(markets),
                                    $"unknown country '{Excerpt.Of(markets[i])}'; known: {Binding.Suggestions.Known(c.CountryIds)}");
                        break;
                }
            }
    }

    private static bool IsAction(object? value) => value is not null && ActionVocabulary.Of(value.GetType()) is not null;

    private static readonly Binding.InRangeAttribute NonNegative = new(0, double.PositiveInfinity);

    private static List<CountryAction>? One(bool ok, CountryAction action) => ok ? [action] : null;

    private static List<CountryAction>? Markets(object owner, string firm, List<string> markets, BuildContext c, string? government,
        Func<string, CountryAction> make)
    {
        bool ok = c.Firm(owner, "Firm", firm);
        if (markets.Count == 0)
        {
            c.Error(owner, "Markets", "markets is empty; name at least one country");
            return null;
        }
        if (government is not null && markets.Count > 1)
        {
            c.Error(owner, "Markets", "a rule acts on one market; write one rule per market");
            return null;
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < markets.Count; i++)
        {
            var node = c.Map.Member(markets, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!c.CountryIds.Contains(markets[i]))
            {
                if (c.CountryIds.Count > 0) c.Error(node ?? c.Map.Node(markets), $"unknown country '{Excerpt.Of(markets[i])}'; known: {Binding.Suggestions.Known(c.CountryIds)}");
                ok = false;
            }
            else if (!listed.Add(markets[i]))
            {
                c.Error(node ?? c.Map.Node(markets), $"market '{Excerpt.Of(markets[i])}' is listed twice; list each market once");
                ok = false;
            }
        }
        return ok ? markets.Select(make).ToList() : null;
    }
}
