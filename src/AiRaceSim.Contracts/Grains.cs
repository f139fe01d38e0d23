using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using Orleans.Concurrency;

namespace AiRaceSim.Contracts;

/// <summary>The clock and barrier of one world: a block of ensemble members of one run.</summary>
[Alias("airace.IWorldGrain")]
public interface IWorldGrain : IGrainWithStringKey
{
    /// <summary>Starts the world's governments and firms and prepares month 0.</summary>
    [Alias("Start")] Task Start(WorldSetup setup);

    /// <summary>Steps up to <paramref name="months"/> months (fewer at the end) and returns their recorded series.</summary>
    [Alias("Advance")] Task<Immutable<SeriesBatch>> Advance(int months, CancellationToken cancellation = default);

    /// <summary>
    /// Starts the world afresh and puts its actors and itself back to the checkpoint taken after
    /// <paramref name="monthsDone"/> months (the world was started with checkpoints on).
    /// </summary>
    [Alias("Restore")] Task Restore(WorldSetup setup, int monthsDone);

    /// <summary>Where each of the world's grains runs.</summary>
    [Alias("Placements")] Task<ActorPlacement[]> Placements();

    /// <summary>Lets the world and its actors go once the run is collected, with their checkpoints unless <paramref name="keepCheckpoints"/>.</summary>
    [Alias("Stop")] Task Stop(bool keepCheckpoints = false);
}

/// <summary>A country's government over the members of one world.</summary>
[Alias("airace.IGovernmentGrain")]
public interface IGovernmentGrain : IGrainWithStringKey
{
    [Alias("Start")] Task Start(ActorSetup setup);
    /// <summary>Phase 1 of a month: perception and threshold rules on the world as it stood at t−1.</summary>
    [Alias("Decide")] Task<Immutable<RuleDecision[]>> Decide(int monthIndex, Immutable<GapBoard> lastMonth);
    /// <summary>Phase 2: advance the country, apply dated events and the decisions aimed at it.</summary>
    [Alias("Apply")] Task<Immutable<GovernmentMonth>> Apply(int monthIndex, Immutable<RuleDecision[]> decisions);
    /// <summary>Saves the government's state as the checkpoint of slice <paramref name="slice"/>.</summary>
    [Alias("Checkpoint")] Task Checkpoint(int slice, int monthsDone);
    /// <summary>Puts the started government back to its checkpoint after <paramref name="monthsDone"/> months.</summary>
    [Alias("Restore")] Task Restore(int monthsDone);
    [Alias("Where")] Task<string> Where();
    /// <summary>Deactivates, removing the checkpoints unless <paramref name="keepCheckpoints"/>.</summary>
    [Alias("Stop")] Task Stop(bool keepCheckpoints = false);
}

/// <summary>One firm over the members of one world.</summary>
[Alias("airace.IFirmGrain")]
public interface IFirmGrain : IGrainWithStringKey
{
    /// <summary>Starts the firm (entering it if it is active from the start) and returns its report.</summary>
    [Alias("Start")] Task<Immutable<FirmReport>> Start(ActorSetup setup);
    [Alias("Step")] Task<Immutable<FirmReport>> Step(int monthIndex, Immutable<FirmStepInput> input);
    /// <summary>Saves the firm's state as the checkpoint of slice <paramref name="slice"/>.</summary>
    [Alias("Checkpoint")] Task Checkpoint(int slice, int monthsDone);
    /// <summary>Puts the started firm back to its checkpoint after <paramref name="monthsDone"/> months.</summary>
    [Alias("Restore")] Task Restore(int monthsDone);
    [Alias("Where")] Task<string> Where();
    /// <summary>Deactivates, removing the checkpoints unless <paramref name="keepCheckpoints"/>.</summary>
    [Alias("Stop")] Task Stop(bool keepCheckpoints = false);
}
