using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

[Description("A firm: a lab or a country's ecosystem actor (kernel: FirmSpec)."), Entity("firm")]
internal sealed class FirmDocument
{
    private const double Inf = double.PositiveInfinity;

    [Description("Unique id: letters, digits, '_', '-' and '.', starting with a letter or digit.")]
    public required string Id { get; init; }

    [Description("Home country id.")]
    public required string Country { get; init; }

    [Description("Entry during the run; without it the firm is active from the start.")]
    public EntryDocument? Entry { get; init; }

    [Description("Publishes its model weights (default false).")]
    public bool? OpenWeights { get; init; }

    [Description("Publishes its algorithms, feeding diffusion (default false).")]
    public bool? Publishes { get; init; }

    [Description("Serves an API others can distil from (default true).")]
    public bool? ServesApi { get; init; }

    [Description("Offers its API and sells in foreign markets (default false).")]
    public bool? OffersApiAbroad { get; init; }

    [Description("Builds on the best open-weights model (default true).")]
    public bool? UsesOpenModels { get; init; }

    [Description("Funding: a level at a month and yearly growth.")]
    public required FundingDocument Funding { get; init; }

    [Description("ι_C: share of the budget spent on compute (default 0.6)."), InRange(0, 1)]
    public Param? ComputeShare { get; init; }

    [Description("ι_R: share of the budget spent on research (default 0.3); with compute_share at most 1."), InRange(0, 1)]
    public Param? ResearchShare { get; init; }

    [Description("φ: share of compute used for the frontier run, a number or [[yyyy-MM, share], …] (default 0.4)."), InRange(0, 1)]
    public Schedule<double>? FrontierRunShare { get; init; }

    [Description("T_run: months of one frontier run, 1..24 in every draw, rounded to whole months; a number or a distribution such as {dist: uniform, low: 2.5, high: 6.5} (default 4)."), InRange(1, 24, EveryDraw = true)]
    public Param? RunMonths { get; init; }

    [Description("true: the month the first run ends is drawn per member, uniform on 0..T_run−1, so runs do not end in lockstep (MODEL.md v2 C6; default false).")]
    public bool? StaggerRuns { get; init; }

    [Description("χ: distillation propensity, 0..1 (default 0.1)."), InRange(0, 1)]
    public Param? Distillation { get; init; }

    [Description("H0: compute installed at the start or entry, H100e (default 0)."), InRange(0, 1e9)]
    public Param? InitialComputeH100e { get; init; }

    [Description("Z0: research stock at the start or entry, M$ (default 0)."), InRange(0, 1e9)]
    public Param? InitialResearchStockMusd { get; init; }

    [Description("Months behind the algorithmic trend at entry (default 0)."), InRange(0, 1200)]
    public Param? AlgorithmicLagMonths { get; init; }

    [Description("Appeal of its models abroad; home appeal is 1 (default 1)."), InRange(0, 100)]
    public Param? ForeignAppeal { get; init; }
}
