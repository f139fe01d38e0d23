using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Contracts;

/// <summary>What a world needs to start: which members it holds, the resolved scenario, and what to record.</summary>
[GenerateSerializer, Immutable, Alias("airace.WorldSetup")]
public sealed record WorldSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Block,
    [property: Id(2)] int FirstMember,
    [property: Id(3)] int Members,
    [property: Id(4)] byte[] Spec,
    [property: Id(5)] string[]? Metrics,
    [property: Id(6)] string[]? Entities,
    [property: Id(7)] bool Checkpoints = false);

/// <summary>What a government or firm grain needs to start: the world's setup and which actor it is.</summary>
[GenerateSerializer, Immutable, Alias("airace.ActorSetup")]
public sealed record ActorSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Block,
    [property: Id(2)] int FirstMember,
    [property: Id(3)] int Members,
    [property: Id(4)] byte[] Spec,
    [property: Id(5)] int ActorIndex);

/// <summary>A government's month as the world and its firms need it.</summary>
[GenerateSerializer, Immutable, Alias("airace.GovernmentMonth")]
public sealed record GovernmentMonth([property: Id(0)] HomePolicy Home, [property: Id(1)] CountryReport Report);

/// <summary>A firm's input for a month: its home policy and what the world shows it.</summary>
[GenerateSerializer, Immutable, Alias("airace.FirmStepInput")]
public sealed record FirmStepInput([property: Id(0)] HomePolicy Home, [property: Id(1)] FirmInputs World);

/// <summary>Where a world's grains live (diagnostics: spread over silos).</summary>
[GenerateSerializer, Immutable, Alias("airace.Placement")]
public sealed record ActorPlacement([property: Id(0)] string Actor, [property: Id(1)] string Silo);

/// <summary>
/// One grain's state at a slice boundary (<c>StateImage</c> bytes), kept in the silo's checkpoint storage
/// (<see cref="CheckpointStorage"/>) under one of <see cref="CheckpointStorage.Generations"/> names.
/// </summary>
[GenerateSerializer, Alias("airace.ActorCheckpoint")]
public sealed class ActorCheckpoint
{
    /// <summary>Months of the world done when it was taken.</summary>
    [Id(0)] public int MonthsDone { get; set; } = -1;
    /// <summary>Slices done when it was taken (which generation it is).</summary>
    [Id(1)] public int Slice { get; set; }
    [Id(2)] public byte[] Image { get; set; } = [];
}

/// <summary>The grain storage that holds the worlds' checkpoints: Redis in a cluster, a folder beside a local run's output.</summary>
public static class CheckpointStorage
{
    public const string Name = "airace-checkpoints";

    /// <summary>
    /// Checkpoints kept per grain, the oldest overwritten: the writers finish a slice while the worlds step the next,
    /// so the boundary the written output has reached is still there when the worlds save the one after.
    /// </summary>
    public const int Generations = 3;

    public static string StateName(int slice) => "checkpoint-" + (slice % Generations);
}
