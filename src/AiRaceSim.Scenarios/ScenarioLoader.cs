using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Building;
using AiRaceSim.Scenarios.Documents;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios;

/// <summary>
/// Loads a scenario file (YAML, or JSON through the same parser) and the files it extends, and
/// checks all of it before anything runs. Any problem ends in a <see cref="ScenarioException"/>
/// listing every error found, as <c>file:line:column: message</c>.
/// </summary>
public static class ScenarioLoader
{
    public static LoadedScenario Load(string path) => Load(path, new ScenarioOverrides());

    /// <param name="path">The file as the user named it; errors show it (and extended files) relative to it.</param>
    /// <param name="overrides">Command-line values replacing the file's ensemble and seed; members and block must be ≥ 1.</param>
    public static LoadedScenario Load(string path, ScenarioOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Members is < 1) throw new ArgumentOutOfRangeException(nameof(overrides), overrides.Members, "members must be ≥ 1");
        if (overrides.BlockSize is < 1) throw new ArgumentOutOfRangeException(nameof(overrides), overrides.BlockSize, "block size must be ≥ 1");

        var (tree, files) = ReadTree(path);
        return Build(tree, path, overrides, files, resolvedJson: null);
    }

    /// <summary>Reads and merges the files (what <see cref="ScenarioTemplate"/> keeps to build variants from), or throws their errors.</summary>
    internal static (YMap Tree, IReadOnlyList<ScenarioFile> Files) ReadTree(string path)
    {
        var diag = new Diagnostics();
        var files = new List<ScenarioFile>();
        var tree = ScenarioSource.Read(path, diag, files);
        if (tree is null || diag.Count > 0) throw diag.ToException();
        return (tree, files);
    }

    /// <summary>Binds and builds a merged tree; <paramref name="resolvedJson"/> null: written from the tree.</summary>
    internal static LoadedScenario Build(YMap tree, string path, ScenarioOverrides overrides, IReadOnlyList<ScenarioFile> files, string? resolvedJson)
    {
        var diag = new Diagnostics();
        var map = new SourceMap();
        var doc = new Binder(diag, map).Root<ScenarioDocument>(tree);
        return Finish(doc, diag, map, tree, path, overrides, files, resolvedJson);
    }

    /// <summary>Builds a bound document (errors of its binding already in <paramref name="diag"/>) into a scenario, or throws them all.</summary>
    internal static LoadedScenario Finish(ScenarioDocument doc, Diagnostics diag, SourceMap map, YMap tree, string path, ScenarioOverrides overrides,
        IReadOnlyList<ScenarioFile> files, string? resolvedJson)
    {
        var built = SpecBuilder.Build(doc, overrides, new BuildContext(diag, map), path);
        if (built is null || diag.Count > 0)
        {
            if (diag.Count == 0) diag.Add(path, 1, 1, "the scenario could not be built; no specific error was found");
            throw diag.ToException();
        }
        return new LoadedScenario(doc.Name, doc.Description, built.Spec, built.Members, built.BlockSize,
            built.Metrics, built.Entities, built.Now, files, resolvedJson ?? ResolvedJson.Write(tree, overrides)) { PerMember = built.PerMember, Outcomes = built.Outcomes };
    }
}
