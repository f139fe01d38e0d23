using AiRaceSim.Calibration;
using AiRaceSim.Model.Series;
using AiRaceSim.Scenarios;

namespace AiRaceSim.Cli;

/// <summary>`calibrate --levers`: each lever's what-if loaded with the baseline's ensemble size, before anything runs.</summary>
public static class LeverInputs
{
    /// <returns>the levers with their what-ifs, or null (the problems written to stderr) when one cannot be used.</returns>
    public static List<(Lever Lever, LoadedScenario WhatIf)>? Load(int? members, LoadedScenario baseline, CheckFile checks, string targetsPath,
        IReadOnlySet<SeriesKey> known, TextWriter stderr)
    {
        if (checks.Levers.Count == 0)
        {
            stderr.WriteLine($"{targetsPath}: --levers, but the file has no 'levers:' section");
            return null;
        }
        var loaded = new List<(Lever, LoadedScenario)>();
        bool ok = true;
        foreach (var lever in checks.Levers)
        {
            string at = $"{targetsPath}:{lever.Line}:{lever.Column}: lever {lever.Id}";
            if (!known.Contains(lever.Series))
            {
                stderr.WriteLine($"{at}: the scenario records no series {lever.Series.Entity}/{lever.Series.Metric}; check the entity id and metric name");
                ok = false;
            }
            if (lever.At < baseline.Spec.Start || lever.At > baseline.Spec.End)
            {
                stderr.WriteLine($"{at}: {lever.At} is outside the scenario's {baseline.Spec.Start}..{baseline.Spec.End}");
                ok = false;
            }
            try
            {
                // The baseline's ensemble size, given or from its file, so member i of both is the same draw.
                loaded.Add((lever, ScenarioLoader.Load(lever.ScenarioPath, new ScenarioOverrides(members ?? baseline.Members))));
            }
            catch (ScenarioException e)
            {
                stderr.WriteLine($"{at}: cannot load the what-if '{lever.Scenario}':");
                foreach (var line in e.Lines) stderr.WriteLine(line);
                ok = false;
            }
        }
        return ok ? loaded : null;
    }
}
