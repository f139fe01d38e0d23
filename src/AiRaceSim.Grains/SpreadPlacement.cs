using Orleans.Placement;

namespace AiRaceSim.Grains;

/// <summary>
/// Places an actor grain on the silo chosen by a stable hash of its key among the silos in address
/// order: an even, repeatable spread (the default placement crowds a new world onto one silo).
/// The director lives with the silo host and must be registered on every silo.
/// </summary>
[GenerateSerializer, Alias("airace.SpreadPlacement")]
public sealed class SpreadPlacement : PlacementStrategy
{
    public static readonly SpreadPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class SpreadPlacementAttribute() : PlacementAttribute(SpreadPlacement.Instance);
