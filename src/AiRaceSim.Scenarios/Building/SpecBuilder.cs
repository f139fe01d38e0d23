using System.Text.RegularExpressions;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Building;

/// <summary>
/// Turns a bound scenario document into the kernel's <see cref="WorldSpec"/>. Ids are registered
/// first so every reference can be checked; each part is built even when another failed, so one
/// load reports every problem. The spec is made only when there are none.
/// </summary>
internal static partial class SpecBuilder
{
    /// <summary>Members stepped together at most, unless the file or command line says otherwise.</summary>
    private const int DefaultMaxBlock = 1000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();

    /// <summary>Reports a scenario's or an experiment's name that cannot name output files; true when valid.</summary>
    public static bool CheckName(object doc, string member, string name, BuildContext c)
    {
        if (NamePattern().IsMatch(name)) return true;
        c.Error(doc, member, $"name '{Excerpt.Of(name)}' is not valid; use letters, digits, '-', '_' and '.', starting with a letter or digit (it names output files)");
        return false;
    }

    public static BuiltScenario? Build(ScenarioDocument doc, ScenarioOverrides overrides, BuildContext c, string rootFile)
    {
        if (doc.Name is { } name) CheckName(doc, nameof(doc.Name), name, c);
        if (doc.Start is { } start && doc.End is { } end)
        {
            bool inYears = true;
            if (start.Year < Limits.FirstYear)
            {
                c.Error(doc, nameof(doc.Start), $"start {start} is before {Limits.FirstYear}-01, the earliest month a scenario can start");
                inYears = false;
            }
            if (end.Year > Limits.LastYear)
            {
                c.Error(doc, nameof(doc.End), $"end {end} is after {Limits.LastYear}-12, the latest month a scenario can end");
                inYears = false;
            }
            if (end < start) c.Error(doc, nameof(doc.End), $"end {end} is before start {start}; a scenario needs end ≥ start");
            else if (inYears) c.Horizon = (start, end);
        }
        CheckCount(doc, nameof(doc.Countries), doc.Countries?.Count, Limits.Countries, "countries", c);
        CheckCount(doc, nameof(doc.Firms), doc.Firms?.Count, Limits.Firms, "firms", c);
        CheckCount(doc, nameof(doc.Events), doc.Events?.Count, Limits.Events, "events", c);
        CheckCount(doc, nameof(doc.Rules), doc.Rules?.Count, Limits.Rules, "rules", c);
        if (doc.Now is { } now) c.Inside(doc, nameof(doc.Now), now, "now");

        var countries = doc.Countries;
        if (countries is not null) CountryBuilder.Register(countries, c);
        var firms = doc.Firms ?? [];
        FirmBuilder.Register(firms, c);
        var tiers = TierBuilder.Build(doc.ExportTiers, c);
        var events = new List<ScheduledEvent>();
        var countrySpecs = countries is null ? [] : CountryBuilder.Build(countries, c, events);
        var firmSpecs = FirmBuilder.Build(firms, c);
        EventBuilder.Build(doc.Events ?? [], c, events);
        var rules = RuleBuilder.Build(doc.Rules ?? [], c);
        var gaps = GapBuilder.Build(doc.Gaps, c);
        var metrics = OutputBuilder.Metrics(doc.Outputs, c);
        var perMember = OutputBuilder.PerMember(doc.Outputs, metrics, c);
        if (c.Diag.Count > 0 || c.Horizon is not var (first, last) || tiers is null) return null;

        var spec = new WorldSpec
        {
            Start = first,
            End = last,
            Seed = overrides.Seed ?? doc.Seed ?? 1,
            Deterministic = doc.Deterministic ?? false,
            Parameters = ParameterBuilder.Build(doc.Parameters),
            Countries = countrySpecs,
            Firms = firmSpecs,
            Events = events,
            Rules = rules,
            GapPairs = gaps,
            ExportTiers = tiers,
        };
        var entities = OutputBuilder.Entities(doc.Outputs, spec, c);
        var outcomes = OutcomeBuilder.Build(doc.Outcomes, spec, doc.Now ?? last, c);
        if (c.Diag.Count > 0) return null;
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            // The checks above should have caught it with a position; the kernel's check is the last word.
            c.Diag.Add(rootFile, 1, 1, $"the scenario is inconsistent: {e.Message}");
            return null;
        }
        int members = overrides.Members ?? doc.Ensemble?.Members ?? 1;
        if (members > Limits.Members)
        {
            c.Diag.Add(rootFile, 1, 1, $"{members} members is more than {Limits.Members}, the most one run takes; run fewer members (or several runs with other seeds)");
            return null;
        }
        int block = overrides.BlockSize ?? doc.Ensemble?.Block ?? Math.Min(members, DefaultMaxBlock);
        return new BuiltScenario(spec, members, Math.Min(block, members), metrics, entities, perMember, outcomes, doc.Now ?? last);
    }

    private static void CheckCount(ScenarioDocument doc, string member, int? count, int most, string what, BuildContext c)
    {
        if (count > most)
            c.Error(doc, member, $"{count} {what} is more than {most}, the most a scenario can hold; split the scenario or leave some out");
    }
}
