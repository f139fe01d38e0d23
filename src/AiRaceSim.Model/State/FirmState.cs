using System.Runtime.CompilerServices;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.State;

/// <summary>Index of the four chip channels of C3, in the fixed order used to break ties.</summary>
public enum Channel { Frontier = 0, Compliant = 1, Smuggled = 2, Domestic = 3 }

/// <summary>
/// One firm's state over the members of a block, and its parameters drawn per member. The
/// arrays are updated in place every month, so stepping allocates nothing.
/// </summary>
public sealed class FirmState
{
    public const int Channels = 4;

    public readonly FirmSpec Spec;
    public readonly int Index, CountryIndex, Actor, Members;
    /// <summary>Whether the firm has entered and not left (the same in every member).</summary>
    public bool Active { get; set; }
    public bool Exited { get; set; }
    /// <summary>Whether the firm has ever entered (it may have left since): its capability history counts.</summary>
    public bool HasEntered { get; set; }
    public bool OpenWeights { get; set; }

    // Drawn parameters.
    public readonly double[] ComputeShare, ResearchShare, Distillation, InitialCompute, InitialResearch, AlgorithmicLag;
    /// <summary>C6 (v2): run length in whole months and the offset of the first run's end, per member.</summary>
    public readonly int[] RunMonths, RunPhase;
    /// <summary>The home country's multiplier on φ (v2), the same for every firm of the country in a member.</summary>
    public readonly double[] RunShareScale;
    public readonly FundingDraws FundingDraws;

    // Money this month (M$/month).
    /// <summary>Budget is after C2's saturation (v2); BudgetDemand before it (what the country's σ is computed from).</summary>
    public readonly double[] Funding, Budget, BudgetDemand, ComputeSpend, ResearchSpend;
    // Compute: installed H100e, utilisation-weighted H100e, this month's additions by channel, the current run.
    public readonly double[] Installed, Utilised, RunAccumulated, LastRunLogFlop, LargestRunLogFlop;
    public readonly double[][] AddedByChannel;
    // Knowledge and capability: Base is the own trained base (K1), Trained T = own + capped uplift
    // (K4, G1 v2; through the licensing gate), Capability what is deployed (K5).
    public readonly double[] ResearchStock, Absorption, Algorithmic, Base, Teacher, Candidate, Capability, Pending;
    public readonly double[] Trained, PendingTrained;
    // Patents: this month, cumulative, quality-weighted cumulative.
    public readonly double[] Patents, PatentsCumulative, PatentsQualityCumulative;
    /// <summary>Scratch for one member's chip channels in <c>FirmStep</c>: efficiency, price, cap and additions of each.</summary>
    [NotState] internal readonly double[] ChannelScratch = new double[4 * Channels];
    /// <summary>Scratch for the capability noise of every member in <c>FirmStep</c>, drawn before the deployment loop.</summary>
    [NotState] internal readonly double[] NoiseScratch;
    /// <summary>Scratch for every member's patent draw in <c>FirmStep</c>, and its normal quantile.</summary>
    [NotState] internal readonly double[] PatentUniforms, PatentNormals;
    /// <summary>This firm's monthly draws for each member (<see cref="MemberDraws.ForActor"/>): derived from the seed, not state.</summary>
    [NotState] internal readonly ActorDraws Draws;

    public FirmState(WorldSpec spec, int index, MemberDraws d)
    {
        Spec = spec.Firms[index];
        Index = index;
        CountryIndex = spec.CountryIndex(Spec.Country);
        Actor = ActorKey.Of("firm", Spec.Id);
        Members = d.Count;
        OpenWeights = Spec.OpenWeights;
        int slot = DrawSlot.ParameterBase;
        string path = "firms." + Spec.Id;
        // Keys as the scenario names them (the draw log); the draw order is the slot order and may never change.
        double[] D(Distribution x, string? key) => d.Draw(x, Actor, slot++, key is null ? null : $"{path}.{key}");
        ComputeShare = D(Spec.ComputeShare, "compute_share"); ResearchShare = D(Spec.ResearchShare, "research_share");
        Distillation = D(Spec.Distillation, "distillation");
        InitialCompute = D(Spec.InitialCompute, "initial_compute_h100e"); InitialResearch = D(Spec.InitialResearchStock, "initial_research_stock_musd");
        AlgorithmicLag = D(Spec.AlgorithmicLagMonths, "algorithmic_lag_months");
        // Logged as drawn; the kernel rounds it to whole months in 1..24.
        RunMonths = D(Spec.RunMonths, "run_months").Select(x => Math.Clamp((int)Math.Round(x, MidpointRounding.AwayFromZero), 1, 24)).ToArray();
        var phase = D(new UniformDist(0, 1), Spec.StaggerRuns ? "stagger_runs.first_run_phase" : null);
        RunPhase = RunMonths.Select((n, m) => Spec.StaggerRuns ? Math.Min(n - 1, (int)(phase[m] * n)) : 0).ToArray();
        var home = spec.Countries[CountryIndex];
        RunShareScale = d.Draw(home.FrontierRunShareScale, ActorKey.Of("country", home.Id), DrawSlot.CountryRunShareScale,
            $"countries.{home.Id}.frontier_run_share_scale");
        FundingDraws = new FundingDraws(Spec.Funding, d, Actor, DrawSlot.ParameterBase + 40, path + ".funding");

        double[] Z() => new double[Members];
        double[] NaNs() { var a = new double[Members]; Array.Fill(a, double.NaN); return a; }
        Funding = Z(); Budget = Z(); BudgetDemand = Z(); ComputeSpend = Z(); ResearchSpend = Z();
        Installed = Z(); Utilised = Z(); RunAccumulated = Z(); LastRunLogFlop = NaNs(); LargestRunLogFlop = NaNs();
        AddedByChannel = [Z(), Z(), Z(), Z()];
        ResearchStock = Z(); Absorption = Z(); Algorithmic = NaNs(); Base = NaNs(); Teacher = NaNs();
        Candidate = NaNs(); Capability = NaNs(); Pending = NaNs(); Trained = NaNs(); PendingTrained = NaNs();
        Patents = Z(); PatentsCumulative = Z(); PatentsQualityCumulative = Z();
        NoiseScratch = Z(); PatentUniforms = Z(); PatentNormals = Z();
        Draws = d.ForActor(Actor);
    }

    /// <summary>
    /// The firm leaves: its flows stop and its installed compute leaves the totals; its capability
    /// and largest run stay, since frontiers are maxima over the past.
    /// </summary>
    public void Leave()
    {
        Active = false;
        foreach (var a in new[] { Funding, Budget, BudgetDemand, ComputeSpend, ResearchSpend, Installed, Utilised, RunAccumulated, Patents })
            Array.Clear(a);
        foreach (var a in AddedByChannel) Array.Clear(a);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Month EntryMonth(Month start) => Spec.EntryMonth(start);

    /// <summary>
    /// Whether month t ends one of member m's training runs (C6): every T_run months from entry,
    /// the first one RunPhase months early (v2), so firms and members do not finish in lockstep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool RunEndsAt(Month t, Month start, int m) => (t - EntryMonth(start) + 1 + RunPhase[m]) % RunMonths[m] == 0;
}
