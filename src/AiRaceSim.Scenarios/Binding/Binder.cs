using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Binds a YAML tree into the document types by reflection: unknown keys, wrong types, missing
/// required keys, ranges and key choices are reported with positions. The document types are
/// also what the schema is generated from, so the file format has one definition.
/// </summary>
internal sealed class Binder(Diagnostics diag, SourceMap map)
{
    public Diagnostics Diag => diag;
    public SourceMap Map => map;

    public T Root<T>(YMap node) where T : class => (T)BindObject(node, typeof(T), new Site(BindContext.Top, "", null));

    public object? Bind(YNode node, Type type, Site site)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YScalar { IsNull: true })
        {
            diag.At(node, $"missing value for '{site.Key}'; write a value or leave the entry out");
            return null;
        }
        if (CustomKinds.Find(t) is { } kind) return kind.Bind(node, this, site);
        if (t == typeof(string)) return Text(node);
        if (t == typeof(double)) return Number(node, site);
        if (t == typeof(int)) return Integer(node, site);
        if (t == typeof(ulong)) return Unsigned(node);
        if (t == typeof(bool)) return Boolean(node);
        if (t.IsEnum) return EnumValue(node, t, site);
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) return BindList(node, t, site);
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>)) return BindDictionary(node, t, site);
        if (node is YMap m) return BindObject(m, t, site);
        diag.At(node, $"expected a map of keys, got {Scalars.Got(node)}; write key: value pairs");
        return null;
    }

    public object BindObject(YMap node, Type type, Site site)
    {
        var obj = Activator.CreateInstance(type, nonPublic: true)!;
        map.SetNode(obj, node);
        int before = diag.Count;
        var props = DocumentModel.Properties(type);
        var meant = new HashSet<string>(); // keys an unknown key was probably meant as: not reported missing too
        bool unknown = false;
        foreach (var entry in node.Entries)
        {
            var p = props.FirstOrDefault(x => x.Key == entry.Key.Value);
            if (p is null)
            {
                unknown = true;
                if (Suggestions.Closest(entry.Key.Value, props.Select(x => x.Key)) is { } guess) meant.Add(guess);
                diag.At(entry.Key, $"unknown key '{Excerpt.Of(entry.Key.Value)}' {site.Context.Where}" +
                    Suggestions.Hint(entry.Key.Value, props.Select(x => x.Key), "allowed keys"));
                continue;
            }
            map.SetMember(obj, p.Member, entry.Value);
            var value = Bind(entry.Value, p.Type, new Site(site.Context.Child(p.Key), p.Key, p.Range));
            if (value is not null) p.Set(obj, value);
        }
        foreach (var p in props.Where(p => p.Required && node.Find(p.Key) is null && !meant.Contains(p.Key)))
            diag.At(node, $"missing key '{p.Key}' {site.Context.Where}; it is required");
        CheckChoices(node, type, site, reportNone: !unknown);
        if (diag.Count > before) map.Break(obj);
        return obj;
    }

    /// <param name="reportNone">false when the map had an unknown key, most likely the choice misspelt (already reported).</param>
    private void CheckChoices(YMap node, Type type, Site site, bool reportNone)
    {
        foreach (var choice in DocumentModel.Choices(type))
        {
            var keys = choice.Keys(type);
            var given = node.Entries.Where(e => keys.Contains(e.Key.Value)).ToList();
            string options = string.Join(", ", keys);
            if (given.Count == 0 && reportNone)
                diag.At(node, $"no {choice.What} {site.Context.Where}; give {(choice.ExactlyOne ? "exactly one" : "at least one")} of: {options}");
            else if (choice.ExactlyOne && given.Count > 1)
                diag.At(given[1].Key, $"more than one {choice.What} {site.Context.Where} ('{Excerpt.Of(given[0].Key.Value)}' and '{Excerpt.Of(given[1].Key.Value)}'); give exactly one");
        }
    }

    private object? BindList(YNode node, Type listType, Site site)
    {
        if (node is not YSequence seq)
        {
            diag.At(node, $"expected a list, got {Scalars.Got(node)}; write [a, b] or one '- item' per line");
            return null;
        }
        var itemType = listType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(listType)!;
        map.SetNode(list, seq);
        int before = diag.Count;
        for (int i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var context = EntityName(itemType, item, i) is { } name ? new BindContext(name, "") : site.Context;
            var value = Bind(item, itemType, site with { Context = context });
            if (value is null) continue;
            map.SetMember(list, list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), item);
            list.Add(value);
        }
        if (diag.Count > before) map.Break(list);
        return list;
    }

    private object? BindDictionary(YNode node, Type dictType, Site site)
    {
        if (node is not YMap m)
        {
            diag.At(node, $"expected a map of ids to entries, got {Scalars.Got(node)}");
            return null;
        }
        var valueType = dictType.GetGenericArguments()[1];
        var dict = (IDictionary)Activator.CreateInstance(dictType)!;
        map.SetNode(dict, m);
        var entity = DocumentModel.Entity(valueType);
        int before = diag.Count;
        foreach (var (key, value) in m.Entries.Select(e => (e.Key, e.Value)))
        {
            map.SetMember(dict, key.Value, key);
            var context = entity is null ? site.Context.Child(key.Value) : new BindContext($"{entity.Noun} '{key.Value}'", "");
            var bound = Bind(value, valueType, new Site(context, key.Value, site.Range));
            if (bound is not null) dict.Add(key.Value, bound);
        }
        if (diag.Count > before) map.Break(dict);
        return dict;
    }

    private static string? EntityName(Type itemType, YNode item, int index)
    {
        if (DocumentModel.Entity(itemType) is not { } e) return null;
        if (item is YMap m && m.Text(e.NameKey) is { } name) return $"{e.Noun} '{name}'";
        if (item is YMap d && d.Text("date") is { } date) return $"{e.Noun} at {date}";
        return $"{e.Noun} #{index + 1}";
    }

    public string? Text(YNode node)
    {
        if (node is YScalar s)
        {
            s.Typed = JsonValue.Create(s.Value);
            return s.Value;
        }
        diag.At(node, $"expected a text value, got {node.Describe()}");
        return null;
    }

    public object? Number(YNode node, Site site)
    {
        if (!Scalars.TryNumber(node, out var x))
        {
            diag.At(node, $"expected a number, got {Scalars.Got(node)}{Scalars.QuoteHint(node)}");
            return null;
        }
        ((YScalar)node).Typed = JsonValue.Create(x);
        return CheckRange(node, x, site) ? x : null;
    }

    public object? Integer(YNode node, Site site)
    {
        if (!Scalars.TryInteger(node, out var x) || x is < int.MinValue or > int.MaxValue)
        {
            diag.At(node, $"expected a whole number, got {Scalars.Got(node)}{Scalars.QuoteHint(node)}");
            return null;
        }
        ((YScalar)node).Typed = JsonValue.Create((int)x);
        return CheckRange(node, x, site) ? (int)x : null;
    }

    private object? Unsigned(YNode node)
    {
        if (!Scalars.TryUnsigned(node, out var x))
        {
            diag.At(node, $"expected a whole number ≥ 0, got {Scalars.Got(node)}{Scalars.QuoteHint(node)}");
            return null;
        }
        ((YScalar)node).Typed = JsonValue.Create(x);
        return x;
    }

    private object? Boolean(YNode node)
    {
        if (!Scalars.TryBoolean(node, out var b))
        {
            diag.At(node, $"expected true or false, got {Scalars.Got(node)}");
            return null;
        }
        ((YScalar)node).Typed = JsonValue.Create(b);
        return b;
    }

    private object? EnumValue(YNode node, Type type, Site site)
    {
        var names = Enum.GetValues(type).Cast<Enum>().ToDictionary(DocumentModel.EnumName);
        if (node is YScalar s && names.TryGetValue(s.Value, out var value))
        {
            s.Typed = JsonValue.Create(s.Value);
            return value;
        }
        string given = node is YScalar g ? g.Value : node.Describe();
        diag.At(node, $"unknown {site.Key} '{Excerpt.Of(given)}'" + Suggestions.Hint(given, names.Keys, "use one of"));
        return null;
    }

    /// <summary>Reports a number outside the key's range; true when it is inside.</summary>
    public bool CheckRange(YNode node, double x, Site site)
    {
        if (site.Range is null && Math.Abs(x) > Limits.LargestNumber)
        {
            diag.At(node, $"{site.Key} {Scalars.Format(x)} is too large; a number here must be at most {InRangeAttribute.Format(Limits.LargestNumber)} in size");
            return false;
        }
        if (site.Range is not { } r || r.Contains(x)) return true;
        diag.At(node, $"{site.Key} {Scalars.Format(x)} is out of range; it must be {r.Text}");
        return false;
    }
}
