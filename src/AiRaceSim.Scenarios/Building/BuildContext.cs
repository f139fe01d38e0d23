using System.Text.RegularExpressions;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Values;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Building;

/// <summary>
/// What the builders share: the error list, where things were written, the horizon and the ids
/// of countries and firms (known before any reference to them is checked).
/// </summary>
internal sealed partial class BuildContext(Diagnostics diag, SourceMap map)
{
    public Diagnostics Diag { get; } = diag;
    public SourceMap Map { get; } = map;

    /// <summary>Start and end, when both are valid (end ≥ start); null turns the horizon checks off.</summary>
    public (Month Start, Month End)? Horizon { get; set; }

    public List<string> CountryIds { get; } = [];
    public Dictionary<string, CountryDocument> Countries { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FirmDocument> Firms { get; } = new(StringComparer.Ordinal);

    /// <summary>Every firm id written, also of entries too broken to bind (so references to them raise no follow-on errors).</summary>
    public HashSet<string> FirmIds { get; } = new(StringComparer.Ordinal);
    public int TierCount { get; set; }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    public static partial Regex CountryIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    public static partial Regex FirmIdPattern();

    public void Error(YNode at, string message) => Diag.At(at, message);

    public void Error(object owner, string member, string message) => Diag.At(Map.At(owner, member), message);

    public static Distribution P(Param? p, Distribution fallback) => p?.Value ?? fallback;

    /// <summary>Reports an unknown country id; true when known.</summary>
    public bool Country(object owner, string member, string? id)
    {
        if (id is null || CountryIds.Contains(id)) return id is not null;
        if (CountryIds.Count == 0) return false; // countries failed to bind: already reported, no cascade
        Error(owner, member, $"unknown country '{Excerpt.Of(id)}'; known: {Suggestions.Known(CountryIds)}");
        return false;
    }

    /// <summary>Reports an unknown firm id; true when known.</summary>
    public bool Firm(object owner, string member, string? id)
    {
        if (id is null || FirmIds.Contains(id)) return id is not null;
        Error(owner, member, $"unknown firm '{Excerpt.Of(id)}'" + (Diag.Full ? "" : Suggestions.Hint(id, FirmIds)));
        return false;
    }

    /// <summary>Reports a month outside start..end; true when inside (or when the horizon is unknown).</summary>
    public bool Inside(object owner, string member, Month m, string what)
    {
        if (Horizon is not var (start, end)) return true;
        if (m < start) Error(owner, member, $"{what} {m} is before the scenario start {start}; move it inside start..end");
        else if (m > end) Error(owner, member, $"{what} {m} is after the scenario end {end}; move it inside start..end");
        else return true;
        return false;
    }
}
