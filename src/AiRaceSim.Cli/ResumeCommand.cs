using AiRaceSim.Output;
using AiRaceSim.Scenarios;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

/// <summary>
/// `airace run --resume FOLDER`: takes over the interrupted run that `--checkpoints` left beside FOLDER, loads its
/// scenario again as it was run (members, seed, block, format, report from its checkpoints; the file's resolved
/// parameters must be the same), and goes on from its last checkpoint to the bytes of a run that never stopped.
/// </summary>
public static class ResumeCommand
{
    public static async Task<int> ExecuteAsync(string destination, RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        OutputFolder folder;
        try
        {
            folder = OutputFolder.Take(destination, [], resume: true);
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        RunCheckpoint checkpoint;
        LoadedScenario scenario;
        try
        {
            checkpoint = RunCheckpoint.Open(folder);
            var facts = checkpoint.Facts;
            scenario = ScenarioLoader.Load(facts.Scenario, new ScenarioOverrides(facts.Members, facts.Block, facts.Seed));
            if (ScenarioRun.ResolvedSha256(scenario) != facts.ResolvedSha256)
                throw new InvalidDataException(
                    $"the scenario '{facts.Scenario}' is not the one the run began with (its resolved parameters differ); run it again from the start");
        }
        catch (Exception e) when (e is InvalidDataException or ScenarioException)
        {
            folder.Dispose(); // it stays: taken over for resuming, never removed
            if (e is ScenarioException s) foreach (var line in s.Lines) stderr.WriteLine(line);
            else stderr.WriteLine($"airace: --resume '{destination}': {e.Message}");
            return ExitCodes.BadInput;
        }
        var plan = ScenarioRun.Plan(scenario, checkpoint.Facts.Format, checkpoint.Facts.Report);
        stderr.WriteLine($"airace: {scenario.Name}: resuming after {checkpoint.MonthsDone} of {scenario.Spec.Months} months");
        return await RunCommand.WriteAsync(plan, folder, destination, checkpoint, options, checkpoint.Facts.Started, stdout, stderr, cancellation);
    }
}
