using System.Globalization;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios;

/// <summary>
/// A scenario read once, from which variants are built in memory: each sets some numbers, named by
/// dotted paths (<c>parameters.algorithmic_halving_months</c>, <c>countries.CN.patents.propensity</c>,
/// <c>firms.openai.funding.musd_per_month</c>, <c>rules.us-tightens.cooldown_months</c>: an entry of a list by its id), to plain values, replacing a number
/// or a distribution. A variant is bound and checked like a file, so a value out of its range fails
/// as it would written there. Experiments and fits build their design points this way.
/// </summary>
public sealed class ScenarioTemplate
{
    private readonly YMap _tree;
    private readonly string _path;
    private readonly ScenarioOverrides _overrides;
    private readonly IReadOnlyList<ScenarioFile> _files;
    private readonly Lock _binding = new(); // binding writes each scalar's typed value into the shared tree
    private readonly Documents.ScenarioDocument _document; // the base, bound once: a variant binds only the top-level entries it changes
    private readonly SourceMap _map;

    private ScenarioTemplate(YMap tree, string path, ScenarioOverrides overrides, IReadOnlyList<ScenarioFile> files)
    {
        (_tree, _path, _overrides, _files) = (tree, path, overrides, files);
        // The base is bound once: its document and source map are what variants start from.
        var diag = new Diagnostics();
        _map = new SourceMap();
        _document = new Binder(diag, _map).Root<Documents.ScenarioDocument>(tree);
        Base = ScenarioLoader.Finish(_document, diag, _map, tree, path, overrides, files, resolvedJson: null);
    }

    /// <summary>The scenario as its files say.</summary>
    public LoadedScenario Base { get; }

    /// <exception cref="ScenarioException">the files do not load, as <see cref="ScenarioLoader.Load(string, ScenarioOverrides)"/>.</exception>
    public static ScenarioTemplate Load(string path, ScenarioOverrides overrides)
    {
        var (tree, files) = ScenarioLoader.ReadTree(path);
        return new ScenarioTemplate(tree, path, overrides, files);
    }

    /// <summary>Why <paramref name="path"/> names no number or distribution of the scenario (with the nearest names), or null if it does.</summary>
    public string? PathProblem(string path)
    {
        var parts = path.Split('.');
        YNode node = _tree;
        for (int i = 0; i < parts.Length; i++)
        {
            string at = string.Join('.', parts[..i]);
            var next = Child(node, parts, i);
            if (next is null)
            {
                var names = Names(node, parts, i);
                string hint = Suggestions.Closest(parts[i], names) is { } s ? $"did you mean '{string.Join('.', parts[..i].Append(s))}'?" : $"{(at.Length == 0 ? "the top level" : $"'{at}'")} has {Suggestions.Known(names.ToList())}";
                return $"the scenario has no '{string.Join('.', parts[..(i + 1)])}'; {hint} (only values the scenario's files write can be set)";
            }
            node = next;
        }
        return node switch
        {
            YScalar s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => null,
            YMap m when m.Get("dist") is not null => null,
            _ => $"'{path}' holds {node.Describe()}, not a number or a distribution; name a number the scenario sets",
        };
    }

    /// <summary>
    /// The scenario with each path set to its value (a path given twice: the last value). Its
    /// <see cref="LoadedScenario.ResolvedJson"/> is the base's (writing it per variant would cost as much
    /// as the binding); a manifest of a variant records the base and the values set.
    /// </summary>
    /// <exception cref="ArgumentException">a path names no number or distribution (<see cref="PathProblem"/>).</exception>
    /// <exception cref="ScenarioException">a value is refused where it is set (out of range, say).</exception>
    public LoadedScenario With(IReadOnlyList<(string Path, double Value)> values)
    {
        var tree = _tree;
        foreach (var (path, value) in values)
        {
            if (PathProblem(path) is { } problem) throw new ArgumentException(problem, nameof(values));
            tree = (YMap)Replace(tree, path.Split('.'), 0, value);
        }
        lock (_binding) return Rebind(tree);
    }

    /// <summary>
    /// The scenario with each path set to a value of its kind (<see cref="ScenarioVocabulary.Describe"/>): a number (replacing a
    /// number or a distribution), true or false, or a month (yyyy-MM). A key the scenario does not write is added to the entry
    /// that would hold it (an event's <c>disabled</c>, say), which must itself be written. Checked and bound as a file.
    /// </summary>
    /// <exception cref="ArgumentException">a path the scenario cannot take, or a value not of its kind.</exception>
    /// <exception cref="ScenarioException">a value is refused where it is set (out of range, say).</exception>
    public LoadedScenario WithValues(IReadOnlyList<(string Path, string Text)> values)
    {
        var tree = _tree;
        foreach (var (path, text) in values)
        {
            var info = ScenarioVocabulary.Describe(path) ?? throw new ArgumentException($"'{path}' names nothing a scenario sets", nameof(values));
            bool fits = info.Kind switch
            {
                "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x),
                "switch" => text is "true" or "false",
                _ => Month.TryParse(text, out _),
            };
            if (!fits) throw new ArgumentException($"'{path}' takes {(info.Kind == "number" ? "a number" : info.Kind == "switch" ? "true or false" : "a month, yyyy-MM")}, not '{Excerpt.Of(text)}'", nameof(values));
            var parts = path.Split('.');
            // The entry that holds the value must be written; the value itself may be new to it.
            string parent = string.Join('.', parts[..^1]);
            if (PathProblem(path) is { } problem && (parts.Length < 2 || !Exists(parent))) throw new ArgumentException(problem, nameof(values));
            tree = (YMap)ReplaceText(tree, parts, 0, text);
        }
        lock (_binding) return Rebind(tree);
    }

    private bool Exists(string path)
    {
        var parts = path.Split('.');
        YNode? node = _tree;
        for (int i = 0; i < parts.Length && node is not null; i++) node = Child(node, parts, i);
        return node is YMap;
    }

    /// <summary>
    /// The variant's document: the base's with each changed top-level entry bound again (the same
    /// binder, sites and checks as a whole file), then built as a file is. Binding a whole baseline
    /// is most of a variant's cost, and a design usually changes one or two sections of it.
    /// </summary>
    internal LoadedScenario Rebind(YMap tree, bool whole = false)
    {
        if (whole) return ScenarioLoader.Build(tree, _path, _overrides, _files, resolvedJson: Base.ResolvedJson);
        var diag = new Diagnostics();
        var map = new SourceMap(_map);
        var doc = (Documents.ScenarioDocument)Clone.Invoke(_document, null)!;
        map.SetNode(doc, tree);
        var binder = new Binder(diag, map);
        foreach (var p in DocumentModel.Properties(typeof(Documents.ScenarioDocument)))
        {
            if (_map.Member(_document, p.Member) is { } written) map.SetMember(doc, p.Member, written);
            var now = tree.Find(p.Key);
            if (now is null || ReferenceEquals(now.Value, _tree.Find(p.Key)?.Value)) continue;
            map.SetMember(doc, p.Member, now.Value);
            var value = binder.Bind(now.Value, p.Type, new Site(BindContext.Top.Child(p.Key), p.Key, p.Range));
            if (value is not null) p.Set(doc, value);
        }
        return ScenarioLoader.Finish(doc, diag, map, tree, _path, _overrides, _files, Base.ResolvedJson);
    }

    private static readonly System.Reflection.MethodInfo Clone =
        typeof(object).GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    /// <summary>The number or distribution the scenario gives at a settable path (as the binder reads it), or null if it is not one.</summary>
    public AiRaceSim.Model.Random.Distribution? DistributionAt(string path)
    {
        if (PathProblem(path) is not null) return null;
        var parts = path.Split('.');
        YNode node = _tree;
        for (int i = 0; i < parts.Length; i++) node = Child(node, parts, i)!;
        var diag = new Diagnostics();
        lock (_binding)
            return Values.Param.Kind.Bind(node, new Binder(diag, new SourceMap()), new Site(BindContext.Top, parts[^1], null)) is Values.Param p && diag.Count == 0 ? p.Value : null;
    }

    private static YNode? Child(YNode node, string[] parts, int i) => node switch
    {
        YSequence seq => seq.Items.OfType<YMap>().FirstOrDefault(f => f.Text("id") == parts[i]),
        YMap map => map.Get(parts[i]),
        _ => null,
    };

    private static IEnumerable<string> Names(YNode node, string[] parts, int i) => node switch
    {
        YSequence seq => seq.Items.OfType<YMap>().Select(f => f.Text("id")).OfType<string>(),
        YMap map => map.Entries.Select(e => e.Key.Value),
        _ => [],
    };

    /// <summary>A copy of the nodes on the path with the last one replaced by the value (the rest of the tree shared).</summary>
    private static YNode Replace(YNode node, string[] parts, int i, double value) =>
        ReplaceText(node, parts, i, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The tree with the scalar at <paramref name="parts"/> replaced by <paramref name="text"/>; a last key the map lacks is added.</summary>
    private static YNode ReplaceText(YNode node, string[] parts, int i, string text)
    {
        if (i == parts.Length)
            return new YScalar(node.File, node.Line, node.Column, text, plain: true);
        switch (node)
        {
            case YSequence seq:
                var items = seq.Items.Select(item => item is YMap f && f.Text("id") == parts[i] ? ReplaceText(item, parts, i + 1, text) : item).ToList();
                return new YSequence(seq.File, seq.Line, seq.Column, items);
            case YMap map:
                var entries = map.Entries.Select(e => e.Key.Value == parts[i] ? e with { Value = ReplaceText(e.Value, parts, i + 1, text) } : e).ToList();
                if (i == parts.Length - 1 && map.Get(parts[i]) is null)
                    entries.Add(new YEntry(new YScalar(map.File, map.Line, map.Column, parts[i], plain: true),
                        new YScalar(map.File, map.Line, map.Column, text, plain: true)));
                return new YMap(map.File, map.Line, map.Column, entries);
            default:
                throw new InvalidOperationException($"'{string.Join('.', parts)}' leads through {node.Describe()}");
        }
    }
}
