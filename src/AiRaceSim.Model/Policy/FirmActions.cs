using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Policy;

/// <summary>A dated change to one firm: its flags, its funding, its exit. Applied to every member.</summary>
public abstract record FirmAction(string Firm)
{
    public virtual void Validate(WorldSpec spec) => spec.FirmIndex(Firm);
}

/// <summary>A firm starts (or stops) publishing its weights: LLaMA in 2023-02.</summary>
public sealed record OpenWeights(string Firm, bool Value) : FirmAction(Firm);

/// <summary>Funding multiplied by a factor from this month on (a round, a cut).</summary>
public sealed record FundingScale(string Firm, Distribution Factor) : FirmAction(Firm);

/// <summary>The firm leaves: it stops stepping, serving and publishing; its history stays in the frontiers.</summary>
public sealed record Exit(string Firm) : FirmAction(Firm);
