using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Values;
using AiRaceSim.Scenarios.Yaml;
using static AiRaceSim.Scenarios.Building.BuildContext;
using static AiRaceSim.Scenarios.Binding.Scalars;

namespace AiRaceSim.Scenarios.Building;

/// <summary>Firms: ids, then each firm's spec (entry, funding schedule, shares, run schedule).</summary>
internal static class FirmBuilder
{
    public static void Register(List<FirmDocument> firms, BuildContext c)
    {
        if (c.Map.TryNode(firms) is YSequence written)
            foreach (var item in written.Items)
                if (item is YMap m && m.Text("id") is { } writtenId) c.FirmIds.Add(writtenId);
        var pairs = c.CountryIds.SelectMany(a => c.CountryIds.Select(b => $"{a}-{b}")).ToHashSet();
        foreach (var f in firms)
        {
            if (f.Id is not { } id) continue;
            c.Firms[id] = f;
            if (!FirmIdPattern().IsMatch(id))
                c.Error(f, nameof(f.Id), $"firm id '{Excerpt.Of(id)}' is not valid; use letters, digits, '_', '-' and '.', starting with a letter or digit");
            else if (id == "world" || c.CountryIds.Contains(id) || pairs.Contains(id))
                c.Error(f, nameof(f.Id), $"firm id '{Excerpt.Of(id)}' clashes with the name of a country, a gap or 'world' in the outputs; choose another id");
        }
    }

    public static List<FirmSpec> Build(List<FirmDocument> firms, BuildContext c)
    {
        var specs = new List<FirmSpec>();
        foreach (var f in firms)
        {
            if (c.Map.IsBroken(f) || !c.Country(f, nameof(f.Country), f.Country)) continue;
            if (Firm(f, c) is { } spec) specs.Add(spec);
        }
        return specs;
    }

    private static FirmSpec? Firm(FirmDocument f, BuildContext c)
    {
        bool ok = true;
        Month? entry = null;
        EntryCapability? capability = null;
        if (f.Entry is { } e)
        {
            ok &= c.Inside(e, nameof(e.Date), e.Date, "entry date");
            entry = e.Date;
            if (e.Capability is { Past: { } past })
            {
                var at = past.FrontierAt;
                if (c.Horizon is var (start, _) && at < start)
                {
                    c.Error(past, nameof(past.FrontierAt), $"frontier_at {at} is before the scenario start {start}; the frontier is only known from the start on");
                    ok = false;
                }
                else if (at >= e.Date)
                {
                    c.Error(past, nameof(past.FrontierAt), $"frontier_at {at} is not before the entry {e.Date}; a firm can start at a past frontier only");
                    ok = false;
                }
                capability = new FrontierAt(at);
            }
            else if (e.Capability is { Level: { } level }) capability = new CapabilityLevel(level);
        }
        var d = new FirmSpec { Id = f.Id, Country = f.Country, Funding = FundingSchedule.Flat(0, default) };
        var computeShare = P(f.ComputeShare, d.ComputeShare);
        var researchShare = P(f.ResearchShare, d.ResearchShare);
        if (computeShare is Fixed cs && researchShare is Fixed rs && cs.Value + rs.Value > 1 + 1e-12)
        {
            string member = f.ResearchShare is not null ? nameof(f.ResearchShare) : nameof(f.ComputeShare);
            c.Error(f, member, $"compute_share {F(cs.Value)}{(f.ComputeShare is null ? " (the default)" : "")} and research_share {F(rs.Value)}{(f.ResearchShare is null ? " (the default)" : "")} add up to {F(cs.Value + rs.Value)}; together they must be at most 1");
            ok = false;
        }
        if (!ok || c.Horizon is not var (first, _)) return null;
        return d with
        {
            Entry = entry,
            EntryCapability = capability,
            OpenWeights = f.OpenWeights ?? d.OpenWeights,
            Publishes = f.Publishes ?? d.Publishes,
            ServesApi = f.ServesApi ?? d.ServesApi,
            OffersApiAbroad = f.OffersApiAbroad ?? d.OffersApiAbroad,
            UsesOpenModels = f.UsesOpenModels ?? d.UsesOpenModels,
            Funding = Funding(f.Funding, entry ?? first, c),
            ComputeShare = computeShare,
            ResearchShare = researchShare,
            FrontierRunShare = f.FrontierRunShare is { } s ? Steps(s) : d.FrontierRunShare,
            RunMonths = P(f.RunMonths, d.RunMonths),
            StaggerRuns = f.StaggerRuns ?? d.StaggerRuns,
            Distillation = P(f.Distillation, d.Distillation),
            InitialCompute = P(f.InitialComputeH100e, d.InitialCompute),
            InitialResearchStock = P(f.InitialResearchStockMusd, d.InitialResearchStock),
            AlgorithmicLagMonths = P(f.AlgorithmicLagMonths, d.AlgorithmicLagMonths),
            ForeignAppeal = P(f.ForeignAppeal, d.ForeignAppeal),
        };
    }

    private static FundingSchedule Funding(FundingDocument f, Month fallbackAt, BuildContext c)
    {
        if (f is { FadeHalfLifeMonths: not null, FadesToPerYear: null })
            c.Error(f, nameof(f.FadeHalfLifeMonths), "fade_half_life_months needs fades_to_per_year, the growth factor to fade towards; add it or remove the half-life");
        var at = f.At ?? fallbackAt;
        IReadOnlyList<(Month, Distribution)> growth = f.GrowthPerYear switch
        {
            { Steps: { } steps } => steps.Select(s => (s.From, s.Value.Value)).ToList(),
            { Single: { } single } => [(at, single.Value)],
            _ => [(at, new Fixed(1.0))],
        };
        return new FundingSchedule(f.MusdPerMonth.Value, at, growth)
        {
            Fade = f.FadesToPerYear is { } to ? new GrowthFade(to, f.FadeHalfLifeMonths ?? 24) : null,
        };
    }

    private static StepSchedule Steps(Schedule<double> s) =>
        s.Steps is { } steps ? new StepSchedule(steps.Select(x => (x.From, x.Value)).ToList()) : StepSchedule.Constant(s.Single);
}
