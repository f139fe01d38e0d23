namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Lays a file over the scenario it extends: maps merge key by key, a null value removes a key,
/// <c>firms</c> merge by id, <c>events</c> and <c>rules</c> replace by id (or drop with
/// <c>disabled: true</c>) and append without one; any other list, and a distribution map (one
/// with <c>dist</c>), replaces what it overrides as a whole.
/// </summary>
internal static class TreeMerger
{
    private static readonly HashSet<string> ById = ["firms", "events", "rules"];

    /// <summary>The bottom file of a chain: merged over nothing, which cleans nulls and disabled entries.</summary>
    public static YMap Start(YMap bottom, Diagnostics diag) =>
        Merge(new YMap(bottom.File, bottom.Line, bottom.Column, []), bottom, diag);

    public static YMap Merge(YMap lower, YMap upper, Diagnostics diag) => MergeMap(lower, upper, diag, topLevel: true);

    private static YMap MergeMap(YMap lower, YMap upper, Diagnostics diag, bool topLevel)
    {
        // Slots keep file order; a removed key leaves a null slot. An index by key keeps the merge linear.
        var entries = new List<YEntry?>(lower.Entries);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < entries.Count; k++) index.TryAdd(entries[k]!.Key.Value, k);
        foreach (var (key, value) in upper.Entries.Select(e => (e.Key, e.Value)))
        {
            int i = index.GetValueOrDefault(key.Value, -1);
            if (value is YScalar { IsNull: true })
            {
                if (i >= 0) { entries[i] = null; index.Remove(key.Value); }
                continue;
            }
            var old = i >= 0 ? entries[i]!.Value : null;
            YEntry merged;
            if (topLevel && ById.Contains(key.Value) && value is YSequence list)
                merged = new YEntry(key, MergeById(old as YSequence, list, key.Value, diag));
            else if (old is YMap oldMap && value is YMap newMap && newMap.Find("dist") is null && oldMap.Find("dist") is null)
                merged = new YEntry(entries[i]!.Key, MergeMap(oldMap, newMap, diag, topLevel: false));
            else
                merged = new YEntry(key, Clean(value));
            if (i >= 0) entries[i] = merged;
            else { index[key.Value] = entries.Count; entries.Add(merged); }
        }
        return new YMap(lower.File, lower.Line, lower.Column, entries.OfType<YEntry>().ToList());
    }

    private static YSequence MergeById(YSequence? lower, YSequence upper, string section, Diagnostics diag)
    {
        bool firms = section == "firms";
        // Slots keep order; a disabled entry leaves a null slot. An index by id keeps the merge linear.
        var items = lower is null ? new List<YNode?>() : new List<YNode?>(lower.Items);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < items.Count; k++)
            if (items[k] is YMap xm && xm.Text("id") is { } lowerId) index.TryAdd(lowerId, k);
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        foreach (var item in upper.Items)
        {
            bool disabled = !firms && item is YMap m && m.Get("disabled") is YScalar { Plain: true, Value: "true" or "True" or "TRUE" };
            if (item is not YMap map || map.Get("id") is not YScalar { IsNull: false } id)
            {
                if (!disabled) items.Add(Clean(item));
                continue;
            }
            if (seen.TryGetValue(id.Value, out var first))
            {
                diag.At(id, $"{Singular(section)} id '{Excerpt.Of(id.Value)}' is used twice in this file (first at line {first.Line}); ids must be unique");
                continue;
            }
            seen.Add(id.Value, id);
            int i = index.GetValueOrDefault(id.Value, -1);
            if (disabled)
            {
                if (i >= 0) { items[i] = null; index.Remove(id.Value); }
            }
            else if (i < 0) { index[id.Value] = items.Count; items.Add(Clean(map)); }
            else items[i] = firms && items[i] is YMap old ? MergeMap(old, map, diag, topLevel: false) : Clean(map);
        }
        var at = lower ?? upper;
        return new YSequence(at.File, at.Line, at.Column, items.OfType<YNode>().ToList());
    }

    /// <summary>A copy without null-valued keys: in a file, <c>key: null</c> means the key is not there.</summary>
    public static YNode Clean(YNode node) => node switch
    {
        YMap m => new YMap(m.File, m.Line, m.Column,
            m.Entries.Where(e => e.Value is not YScalar { IsNull: true }).Select(e => new YEntry(e.Key, Clean(e.Value))).ToList()),
        YSequence s => new YSequence(s.File, s.Line, s.Column, s.Items.Select(Clean).ToList()),
        _ => node,
    };

    private static string Singular(string section) => section switch { "firms" => "firm", "events" => "event", _ => "rule" };
}
