using System.ComponentModel;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios;

/// <summary>What a scenario path holds, as the document types say it: the one description, range and kind the binder and schema use.</summary>
/// <param name="Kind">number (a number or a distribution), switch (true/false) or month (yyyy-MM).</param>
public sealed record ScenarioValueInfo(string Path, string Description, string Kind, double Min, double Max, bool MinExclusive, bool MaxExclusive);

/// <summary>
/// Describes a dotted scenario path (<c>countries.CN.support_musd_per_month</c>, <c>events.controls.date</c>) from the
/// document types the binder reads (their <see cref="DescriptionAttribute"/> and range), so a page or a table that offers
/// a value to set has no second list of meanings and limits.
/// </summary>
public static class ScenarioVocabulary
{
    public static ScenarioValueInfo? Describe(string path)
    {
        var type = typeof(Documents.ScenarioDocument);
        DocumentProperty? last = null;
        foreach (var part in path.Split('.'))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsGenericType && type.GetGenericArguments() is { Length: 2 } kv && kv[0] == typeof(string)) { type = kv[1]; continue; } // a country by its id
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && DocumentModel.Entity(type.GetGenericArguments()[0]) is not null)
            {
                type = type.GetGenericArguments()[0]; // a firm, an event or a rule by its id
                continue;
            }
            if (typeof(ITableDocument).IsAssignableFrom(type) || type.IsPrimitive) return null;
            last = DocumentModel.Properties(type).FirstOrDefault(p => p.Key == part);
            if (last is null) return null;
            type = last.Type;
        }
        if (last is null) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        string? kind = type == typeof(bool) ? "switch" : type == typeof(Month) ? "month" : type == typeof(Values.Param) || type == typeof(Values.TierValue) ? "number" : null;
        if (kind is null) return null;
        var description = last.Attributes.GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault()?.Description ?? "";
        var range = last.Range;
        return new ScenarioValueInfo(path, description, kind, range?.Min ?? double.NegativeInfinity, range?.Max ?? double.PositiveInfinity,
            range?.MinExclusive ?? false, range?.MaxExclusive ?? false);
    }
}
