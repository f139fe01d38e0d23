using System.Collections.Concurrent;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Teaching;

/// <summary>A scenario the page offers, with its question or lesson (the comment block that opens its file).</summary>
public sealed record Preset(string Id, string Kind, string Name, string Description, string Lesson, string Start, string End,
    int Members, string Pair, IReadOnlyList<LeverSetting> Levers);

/// <summary>
/// The page's presets: the baseline, each teaching world and each what-if of a scenarios folder, each read once as a
/// <see cref="ScenarioTemplate"/> per member count asked for (a run is a variant of it: the same checks as a file).
/// </summary>
public sealed class PresetLibrary
{
    /// <summary>Most members one run of the page takes.</summary>
    public const int MostMembers = 200;
    /// <summary>Members of a run when the scenario asks for more than the page takes, or for one (a band is drawn from several).</summary>
    public const int DefaultMembers = 50;

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, Lazy<ScenarioTemplate>> _templates = new();

    public IReadOnlyList<Preset> Presets { get; }

    public PresetLibrary(string scenariosFolder)
    {
        _folder = Path.GetFullPath(scenariosFolder);
        if (!File.Exists(Path.Combine(_folder, "baseline.yaml")))
            throw new ScenarioFolderException($"'{scenariosFolder}' holds no baseline.yaml: give the repository's scenarios folder (--scenarios)");
        var files = new[] { ("baseline", "baseline") }
            .Concat(Kind("teaching")).Concat(Kind("what-if")).ToList();
        Presets = files.Select(f => Describe(f.Item1, f.Item2)).ToList();
    }

    private IEnumerable<(string Id, string Kind)> Kind(string folder) =>
        Directory.Exists(Path.Combine(_folder, folder))
            ? Directory.GetFiles(Path.Combine(_folder, folder), "*.yaml").Order(StringComparer.Ordinal)
                .Select(f => ($"{folder}/{Path.GetFileNameWithoutExtension(f)}", folder))
            : [];

    private Preset Describe(string id, string kind)
    {
        var template = Template(id);
        var scenario = template.Base;
        var spec = scenario.Spec;
        var pair = spec.GapPairs.FirstOrDefault() is { } p ? $"{p.Of}-{p.Behind}" : "CN-US";
        int members = scenario.Members is > 1 and <= MostMembers ? scenario.Members : DefaultMembers;
        var levers = Lever.All.Select(l => l.In(template)).OfType<LeverSetting>().ToList();
        return new Preset(id, kind, scenario.Name, scenario.Description ?? "", Lesson(PathOf(id)), spec.Start.ToString(), spec.End.ToString(),
            members, pair, levers);
    }

    public Preset? Find(string id) => Presets.FirstOrDefault(p => p.Id == id);

    /// <summary>The preset's scenario as its file says, read once (a failure is not kept: the next request reads it again).</summary>
    public ScenarioTemplate Template(string id) =>
        _templates.GetOrAdd(id, _ => new Lazy<ScenarioTemplate>(() => ScenarioTemplate.Load(PathOf(id), new ScenarioOverrides()),
            LazyThreadSafetyMode.PublicationOnly)).Value;

    private string PathOf(string id) => Path.Combine(_folder, id + ".yaml");

    /// <summary>The comment lines that open a scenario file (its question or lesson), as one paragraph.</summary>
    public static string Lesson(string file) => string.Join(' ', File.ReadLines(file).TakeWhile(l => l.StartsWith('#'))
        .Select(l => l.TrimStart('#').Trim()).Where(l => l.Length > 0));
}

/// <summary>The scenarios folder cannot serve the page.</summary>
public sealed class ScenarioFolderException(string message) : Exception(message);
