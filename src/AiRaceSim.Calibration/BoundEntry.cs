using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Calibration;

/// <summary>
/// A bound of a targets file: id, what, source, check and the check's fields.
/// <list type="bullet">
/// <item><c>check: max</c>: metric, entities (ids, or <c>countries</c> for every country), from, to (optional), at_most.</item>
/// <item><c>check: steps</c>: series {entity, metric}, from, to (optional), at_most, never_above, exceptions_at_most,
/// exceptions [{month, event, cause}].</item>
/// <item><c>check: no_rule_firing_before_now</c>: nothing else.</item>
/// </list>
/// </summary>
internal static class BoundEntry
{
    private static readonly string[] Common = ["id", "what", "source", "check"];
    private static readonly Dictionary<string, string[]> Checks = new()
    {
        ["max"] = ["metric", "entities", "from", "to", "at_most"],
        ["steps"] = ["series", "from", "to", "at_most", "never_above", "exceptions_at_most", "exceptions"],
        ["no_rule_firing_before_now"] = [],
    };

    public static Bound? Read(YamlFields f)
    {
        var id = f.Text("id") ?? "?";
        var what = f.Text("what") ?? "";
        var source = f.Text("source") ?? "";
        var check = f.Text("check");
        if (check is null) return null;
        if (!Checks.TryGetValue(check, out var keys))
        {
            f.Error(f.Node("check"), $"unknown check '{check}'; expected one of {string.Join(", ", Checks.Keys)}");
            return null;
        }
        f.AllowOnly([.. Common, .. keys]);
        int line = (int)f.Map.Start.Line, column = (int)f.Map.Start.Column;
        switch (check)
        {
            case "max":
            {
                var metric = f.Text("metric");
                var entities = new List<string>();
                if (f.List("entities", required: true) is { } list)
                    foreach (var e in list)
                        if (e is YamlScalarNode { Value: { Length: > 0 } v }) entities.Add(v);
                        else f.Error(e, $"bound {id}: expected an entity id (or '{MaxBound.EveryCountry}')");
                if (f.List("entities", required: false) is { Children.Count: 0 } empty) f.Error(empty, $"bound {id}: name at least one entity");
                var from = f.Node("from") is null ? (Model.Time.Month?)null : f.Month("from", null);
                var to = f.Node("to") is null ? (Model.Time.Month?)null : f.Month("to", null);
                if (from is { } a && to is { } b && b < a) f.Error(f.Map, $"bound {id}: 'to' {b} is before 'from' {a}");
                var atMost = f.Number("at_most", required: true);
                if (f.Missing > 0 || metric is null || atMost is null) return null;
                return new MaxBound { Id = id, What = what, Source = source, Metric = metric, Entities = entities, From = from, To = to, AtMost = atMost.Value, Line = line, Column = column };
            }
            case "steps":
            {
                var series = f.Series("series");
                var from = f.Month("from", null);
                var to = f.Node("to") is null ? (Model.Time.Month?)null : f.Month("to", null);
                if (to is { } b && b <= from) f.Error(f.Map, $"bound {id}: 'to' {b} is not after 'from' {from}");
                var atMost = f.Number("at_most", required: true);
                var never = f.Number("never_above", required: true);
                var most = f.Number("exceptions_at_most") ?? 0;
                if (most < 0 || most != Math.Floor(most)) f.Error(f.Node("exceptions_at_most"), $"bound {id}: exceptions_at_most is a whole number ≥ 0");
                if (atMost is { } x && never is { } y && y < x) f.Error(f.Node("never_above"), $"bound {id}: never_above ({y}) is below at_most ({x})");
                var exceptions = new List<StepException>();
                if (f.List("exceptions", required: false) is { } list)
                    foreach (var item in list)
                    {
                        if (item is not YamlMappingNode map) { f.Error(item, $"bound {id}: expected an exception {{ month, event, cause }}"); continue; }
                        var e = new YamlFields(map, "step exception", f.Error);
                        e.AllowOnly(["month", "event", "cause"]);
                        var month = e.Month("month", null);
                        var ev = e.Text("event");
                        var cause = e.Text("cause");
                        if (e.Missing > 0 || ev is null || cause is null) continue;
                        if (month <= from || (to is { } end && month > end)) e.Error(map, $"bound {id}: the exception's month {month} is outside the bound's steps ({from + 1}..{(to is { } t ? t.ToString() : "the end")})");
                        if (exceptions.Any(x => x.Month == month)) e.Error(map, $"bound {id}: {month} is listed twice");
                        exceptions.Add(new StepException(month, ev, cause));
                    }
                if (exceptions.Count > most)
                    f.Error(f.Node("exceptions"), $"bound {id}: {exceptions.Count} exceptions listed, but exceptions_at_most is {most}");
                if (f.Missing > 0 || series is null || atMost is null || never is null) return null;
                return new StepBound
                {
                    Id = id, What = what, Source = source, Series = series, From = from, To = to, AtMost = atMost.Value, NeverAbove = never.Value,
                    MostExceptions = (int)most, Exceptions = exceptions, Line = line, Column = column,
                };
            }
            default:
                return f.Missing > 0 ? null : new RuleFiringBound { Id = id, What = what, Source = source, Line = line, Column = column };
        }
    }
}
