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
    [property: Id(6)] string[]? Entities);

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
