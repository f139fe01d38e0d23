using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Building;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Experiments;

/// <summary>
/// Loads an experiment file and the scenario it names, and checks all of it before anything runs:
/// unknown keys and paths (with the nearest names), ranges, values the scenario refuses at the
/// factors' extremes, designs that cannot serve the analyses asked for. Any problem ends in a
/// <see cref="ScenarioException"/> listing every error as <c>file:line:column: message</c>.
/// </summary>
public static class ExperimentLoader
{
    /// <summary>Runs in one experiment at most (design points × members), so a typo cannot start a week-long job.</summary>
    public const long MaxRuns = 10_000_000;

    public static LoadedExperiment Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diag = new Diagnostics();
        var files = new List<ScenarioFile>();
        string full;
        try { full = Path.GetFullPath(path); }
        catch (ArgumentException) { full = path; }
        var text = ScenarioSource.ReadText(path, full, null, diag, files);
        if (text is null || diag.Count > 0) throw diag.ToException();
        var root = YamlTreeReader.Read(path, text, diag);
        if (root is null || diag.Count > 0) throw diag.ToException();
        if (root is not YMap map)
        {
            diag.At(root, $"the top level must be a map of keys (name: …, scenario: …), not {(root is YScalar ? "plain text; is this an experiment file?" : root.Describe())}");
            throw diag.ToException();
        }
        var sourceMap = new SourceMap();
        var doc = new Binder(diag, sourceMap).Root<ExperimentDocument>(map);
        if (diag.Count > 0) throw diag.ToException();

        var scenarioNode = sourceMap.At(doc, nameof(doc.Scenario));
        string scenarioPath = ScenarioPaths.Extended(path, doc.Scenario);
        if (doc.Scenario.Contains("://", StringComparison.Ordinal))
        {
            diag.At(scenarioNode, $"scenario takes a file path, not a URL ('{Excerpt.Of(doc.Scenario)}'); save the file and give its path");
            throw diag.ToException();
        }
        ScenarioTemplate template;
        try
        {
            template = ScenarioTemplate.Load(scenarioPath, new ScenarioOverrides(Members: doc.Members ?? 1, BlockSize: doc.Block, Seed: doc.Seed));
        }
        catch (ScenarioException e) when (e.Errors.Count == 1 && e.Errors[0].File == scenarioPath && e.Errors[0].Message.StartsWith("cannot read the file", StringComparison.Ordinal))
        {
            diag.At(scenarioNode, $"cannot read the scenario '{scenarioPath}': {e.Errors[0].Message["cannot read the file: ".Length..]}; the path is relative to this file's folder");
            throw diag.ToException();
        }
        files.AddRange(template.Base.Files);

        var c = new BuildContext(diag, sourceMap) { Horizon = (template.Base.Spec.Start, template.Base.Spec.End) };
        SpecBuilder.CheckName(doc, nameof(doc.Name), doc.Name, c);
        var factors = ExperimentChecks.Factors(doc.Factors, template, c);
        var design = ExperimentChecks.Design(doc.Design, factors.Count, c);
        var outcomes = doc.Outcomes is null ? template.Base.Outcomes
            : OutcomeBuilder.Build(doc.Outcomes, template.Base.Spec, template.Base.Now, c);
        var sobol = ExperimentChecks.Indices(doc.Analyses?.Sobol, "sobol", design, DesignKind.Sobol, outcomes, doc, c);
        var morris = ExperimentChecks.Indices(doc.Analyses?.Morris, "morris", design, DesignKind.Morris, outcomes, doc, c);
        var prim = ExperimentChecks.Prim(doc.Analyses?.Prim, outcomes, template.Base.Spec.Start, c);
        var pairs = ExperimentChecks.Pairs(doc.Analyses?.Pairs, path, doc, template.Base.Spec.Seed, outcomes, c);
        if (diag.Count > 0) throw diag.ToException();

        var experiment = new LoadedExperiment(doc.Name, doc.Description, template, template.Base.Spec.Seed, template.Base.Members, template.Base.BlockSize,
            factors, design!, outcomes, sobol, morris, prim, files)
        {
            FactorsAt = sourceMap.Node(doc.Factors) is var n ? $"{n.File}:{n.Line}:{n.Column}" : path,
            Pairs = pairs,
        };
        if (pairs is not null) files.AddRange(pairs.A.Files.Concat(pairs.B.Files).Where(f => !files.Contains(f)));
        if (experiment.PointCount * experiment.Members + 2.0 * (pairs?.A.Members ?? 0) > MaxRuns)
        {
            diag.At(sourceMap.Node(doc.Design), $"the experiment asks for {experiment.PointCount:N0} design points × {experiment.Members:N0} members = {experiment.PointCount * experiment.Members:N0} runs{(pairs is null ? "" : $" and 2 × {pairs.A.Members:N0} for the pairs")}, more than {MaxRuns:N0}; choose a smaller design or fewer members");
            throw diag.ToException();
        }
        if (outcomes.Count == 0)
        {
            diag.At(map, "the experiment has no outcomes (the scenario measures no gap, so it has no default ones); list outcomes: as in a scenario");
            throw diag.ToException();
        }
        return experiment;
    }
}
