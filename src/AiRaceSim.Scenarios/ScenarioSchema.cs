using AiRaceSim.Scenarios.Schema;

namespace AiRaceSim.Scenarios;

/// <summary>The JSON Schema of scenario files (draft 2020-12), as checked in at scenarios/schema.json.</summary>
public static class ScenarioSchema
{
    private static readonly Lazy<string> Text = new(SchemaGenerator.Generate);

    /// <summary>The schema text, without a final newline (the checked-in file adds one).</summary>
    public static string Json() => Text.Value;
}

/// <summary>The JSON Schema of experiment files (draft 2020-12), as checked in at experiments/schema.json.</summary>
public static class ExperimentSchema
{
    private static readonly Lazy<string> Text = new(SchemaGenerator.GenerateExperiment);

    /// <summary>The schema text, without a final newline (the checked-in file adds one).</summary>
    public static string Json() => Text.Value;
}
