using System.Globalization;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Teaching;

/// <summary>
/// A lever of the teaching page: where it acts in a preset (a scenario path, found in the preset's own events, firms
/// or countries) and, from <see cref="ScenarioVocabulary"/>, what it means, in which unit and within which range.
/// Only a slider's span is the table's where the vocabulary allows any value (an enforcement level, say).
/// </summary>
/// <param name="Off">For a switch over a number: the value that turns it off (on is the preset's own value).</param>
public sealed record Lever(string Id, string Label, Func<WorldSpec, string?> Path, double SpanMin = 0, double SpanMax = 1, double Step = 0.01,
    string? Off = null)
{
    /// <summary>The levers, in the page's order.</summary>
    public static readonly IReadOnlyList<Lever> All =
    [
        new("tier", "US export-control tier on China", s => LatestEvent(s, e => e.Country is Model.Policy.ExportControl { Target: "CN" }, "export_control.tier"),
            0, double.PositiveInfinity, 1),
        new("enforcement", "US enforcement against chip smuggling", s => LatestEvent(s, e => e.Country is Model.Policy.Enforcement { Target: "CN" }, "enforcement.level"),
            0, 3, 0.1),
        // Off: the block lets all former access through (ℓ_API = 1), as the teaching world's lesson says to see it reverse.
        new("api_block", "API block on China", s => FirstEvent(s, e => e.Country is Model.Policy.ApiBlock { Market: "CN" }, "api_block.leakage"), Off: "1"),
        new("api_block_date", "Date of the API block", s => FirstEvent(s, e => e.Country is Model.Policy.ApiBlock { Market: "CN" }, "date")),
        new("open_weights", "Open weights of", s => s.Firms.FirstOrDefault(f => f.OpenWeights) is { } f ? $"firms.{f.Id}.open_weights" : null),
        new("cn_support", "Chinese government support", s => s.Countries.Any(c => c.Id == "CN") ? "countries.CN.support_musd_per_month" : null, 0, 2000, 10),
        new("chip_efficiency", "Domestic-chip efficiency ceiling (China)", s => s.Countries.Any(c => c.Id == "CN") ? "countries.CN.domestic_chips.efficiency_ceiling" : null,
            0, 1, 0.01),
        new("noise", "Noise in China's news of the gap", s => s.Countries.FirstOrDefault(c => c.Id == "CN")?.Perception is not null ? "countries.CN.perception.noise_sd" : null,
            0, 12, 0.5),
    ];

    private static string? LatestEvent(WorldSpec s, Func<Model.Policy.ScheduledEvent, bool> match, string field) =>
        s.Events.Where(e => e.Name is not null && match(e)).OrderBy(e => e.Date).LastOrDefault() is { } e ? $"events.{e.Name}.{field}" : null;

    private static string? FirstEvent(WorldSpec s, Func<Model.Policy.ScheduledEvent, bool> match, string field) =>
        s.Events.Where(e => e.Name is not null && match(e)).OrderBy(e => e.Date).FirstOrDefault() is { } e ? $"events.{e.Name}.{field}" : null;

    /// <summary>The lever as a preset offers it: its path there, meaning, kind, range and the preset's own value; null if the preset has nothing it acts on.</summary>
    public LeverSetting? In(ScenarioTemplate template)
    {
        var spec = template.Base.Spec;
        if (Path(spec) is not { } path || ScenarioVocabulary.Describe(path) is not { } info) return null;
        string value;
        double min = info.Min, max = info.Max;
        if (Off is not null)
            return new LeverSetting(Id, Label, path, "switch", $"Off: all former access gets through ({info.Description.Split(':')[0]} = {Off}).{Where(spec, path)}",
                0, 1, 1, "true", Off);
        switch (info.Kind)
        {
            case "number":
                if (template.DistributionAt(path) is not { } d) return null;
                value = Format(d.Central);
                min = Math.Max(min, SpanMin);
                max = Math.Min(max, Math.Max(SpanMax, Math.Max(min, d.Central)));
                if (Id == "tier") (min, max) = (0, spec.ExportTiers.Count - 1); // the scenario's own tier table
                break;
            case "switch":
                value = Open(spec, path) ? "true" : "false";
                (min, max) = (0, 1);
                return new LeverSetting(Id, $"{Label} {path.Split('.')[1]}", path, info.Kind, info.Description + Where(spec, path), min, max, 1, value, null);
            default:
                value = spec.Events.First(e => path == $"events.{e.Name}.date").Date.ToString();
                (min, max) = (0, spec.Months - 1);
                break;
        }
        return new LeverSetting(Id, Label, path, info.Kind, info.Description + Where(spec, path), min, max, info.Kind == "number" ? Step : 1, value, null);
    }

    /// <summary>Where in the preset the lever acts, when that is not the whole run: one dated event, a change rather than a level, later events.</summary>
    private static string Where(WorldSpec spec, string path)
    {
        var parts = path.Split('.');
        if (parts[0] == "events" && spec.Events.FirstOrDefault(e => e.Name == parts[1]) is { } e)
        {
            bool relative = e.Country is Model.Policy.Enforcement { Relative: true } or Model.Policy.ExportControl { Relative: true };
            return $" Sets the preset's event '{e.Name}' of {e.Date}{(relative ? ", a change to the level then" : "")}.";
        }
        if (path == "countries.CN.support_musd_per_month" && spec.Events.Where(x => x.Country is Model.Policy.Support { For: "CN" }).OrderBy(x => x.Date).FirstOrDefault() is { } later)
            return $" The preset's support events set their own levels from {later.Date} on.";
        if (path == "countries.CN.domestic_chips.efficiency_ceiling" && spec.Events.Where(x => x.Country is Model.Policy.DomesticChips { For: "CN" }).OrderBy(x => x.Date).FirstOrDefault() is { } chips)
            return $" The preset's domestic-chip events change it from {chips.Date} on.";
        return "";
    }

    private static bool Open(WorldSpec spec, string path) => spec.Firms.First(f => path == $"firms.{f.Id}.open_weights").OpenWeights;

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A lever as one preset offers it (what the page draws a slider or a switch from).</summary>
/// <param name="Off">A switch over a number: the number that turns it off (on leaves the preset's own value).</param>
public sealed record LeverSetting(string Id, string Label, string Path, string Kind, string Description, double Min, double Max, double Step,
    string Value, string? Off)
{
    /// <summary>Whether <paramref name="sent"/> is a value of this lever; <paramref name="value"/> is what to set in the scenario (null: nothing, the preset's own).</summary>
    public bool Accepts(string sent, out string? value)
    {
        value = ScenarioValue(sent);
        return value is not null || (Off is not null && sent == "true");
    }

    /// <summary>The scenario value for what the page sent: a switch's state, a number checked against the range, a month; null if it is none (or, for a switch over a number, on).</summary>
    private string? ScenarioValue(string sent)
    {
        switch (Kind)
        {
            case "switch" when Off is not null:
                return sent == "false" ? Off : null;
            case "switch":
                return sent is "true" or "false" ? sent : null;
            case "number":
                if (!double.TryParse(sent, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !(x >= Min && x <= Max)) return null;
                if (Step == 1 && x != Math.Floor(x)) return null; // a tier is a whole number
                return Lever.Format(x == 0 ? 0 : x); // never a signed zero: a sign would make a tier a change
            default:
                return Model.Time.Month.TryParse(sent, out _) ? sent : null;
        }
    }
}
