using AiRaceSim.Output;
using AiRaceSim.Scenarios;
using AiRaceSim.Workflows;

namespace AiRaceSim.Cli;

/// <summary>
/// `airace run --resume FOLDER`: finds the interrupted run that `--checkpoints` left beside FOLDER, loads its
/// scenario again as it was run (members, seed, block, format, report from its checkpoints; the file's resolved
/// parameters must be the same), takes its folder over and goes on from its last checkpoint to the bytes of a
/// run that never stopped. Anything refused before the takeover leaves the interrupted run as it was.
/// </summary>
public static class ResumeCommand
{
    public static async Task<int> ExecuteAsync(string destination, RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        LoadedScenario scenario;
        RunFacts facts;
        try
        {
            facts = RunCheckpoint.ReadFacts(OutputFolder.Interrupted(destination));
            scenario = ScenarioLoader.Load(facts.Scenario, new ScenarioOverrides(facts.Members, facts.Block, facts.Seed));
            if (ScenarioRun.ResolvedSha256(scenario) != facts.ResolvedSha256)
                throw new InvalidDataException(
                    $"the scenario '{facts.Scenario}' is not the one the run began with (its resolved parameters differ); run it again from the start");
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ScenarioException e)
        {
            foreach (var line in e.Lines) stderr.WriteLine(line);
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"airace: --resume '{destination}': {e.Message}");
            return ExitCodes.BadInput;
        }
        OutputFolder folder;
        RunCheckpoint checkpoint;
        try
        {
            folder = OutputFolder.Take(destination, scenario.Files.Select(f => f.Path), resume: true);
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        try
        {
            checkpoint = RunCheckpoint.Open(folder);
        }
        catch (InvalidDataException e)
        {
            folder.Dispose(); // it stays: taken over for resuming, never removed
            stderr.WriteLine($"airace: --resume '{destination}': {e.Message}");
            return ExitCodes.BadInput;
        }
        var plan = ScenarioRun.Plan(scenario, facts.Format, facts.Report);
        stderr.WriteLine($"airace: {scenario.Name}: resuming after {checkpoint.MonthsDone} of {scenario.Spec.Months} months");
        return await RunCommand.WriteAsync(plan, folder, destination, checkpoint, options, facts.Started, stdout, stderr, cancellation);
    }
}
