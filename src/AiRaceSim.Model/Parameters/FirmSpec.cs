using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Parameters;

/// <summary>How a firm that enters during the run starts: at a level of its own or at the world frontier of a past date.</summary>
public abstract record EntryCapability;
/// <summary>Starts with the world frontier capability of a past month ("we had nothing": 2016-09 for 01.AI).</summary>
public sealed record FrontierAt(Month Date) : EntryCapability;
/// <summary>Starts with a given capability, log10 effective FLOP.</summary>
public sealed record CapabilityLevel(double Value) : EntryCapability;

/// <summary>One AI firm (or a country's ecosystem actor) as the kernel sees it.</summary>
public sealed record FirmSpec
{
    public required string Id { get; init; }
    public required string Country { get; init; }
    /// <summary>First active month; null: active from the start.</summary>
    public Month? Entry { get; init; }

    /// <summary>The month the firm first steps in a run from <paramref name="start"/>: its entry, or the start.</summary>
    public Month EntryMonth(Month start) => Entry is { } e && e > start ? e : start;
    /// <summary>Capability at entry; null: from its own initial compute (K1 applied to a run on H0).</summary>
    public EntryCapability? EntryCapability { get; init; }
    public bool OpenWeights { get; init; }
    public bool Publishes { get; init; }
    public bool ServesApi { get; init; } = true;
    public bool OffersApiAbroad { get; init; }
    public bool UsesOpenModels { get; init; } = true;
    public required FundingSchedule Funding { get; init; }
    public Distribution ComputeShare { get; init; } = new Fixed(0.6);        // ι_C
    public Distribution ResearchShare { get; init; } = new Fixed(0.3);       // ι_R
    public StepSchedule FrontierRunShare { get; init; } = StepSchedule.Constant(0.4); // φ_i(t)
    /// <summary>T_run: months of one training run, drawn per member (v2) and rounded to whole months.</summary>
    public Distribution RunMonths { get; init; } = new Fixed(4);
    /// <summary>v2: the month in which the first run ends is drawn per member (uniform on 0..T_run−1); false: every run ends T_run months after entry.</summary>
    public bool StaggerRuns { get; init; }
    public Distribution Distillation { get; init; } = new Fixed(0.1);        // χ_i
    public Distribution InitialCompute { get; init; } = new Fixed(0);       // H0, H100e
    public Distribution InitialResearchStock { get; init; } = new Fixed(0); // Z0, M$
    /// <summary>Months behind the algorithmic frontier trend at entry (sets a_i at entry).</summary>
    public Distribution AlgorithmicLagMonths { get; init; } = new Fixed(0);
    /// <summary>Appeal A of its models in markets abroad (home appeal is 1).</summary>
    public Distribution ForeignAppeal { get; init; } = new Fixed(1);
}

/// <summary>A country's market (M1, M2).</summary>
public sealed record MarketSpec
{
    public Distribution InnovationP { get; init; } = new Fixed(0.004);       // p_c per month
    public Distribution ImitationQ { get; init; } = new Fixed(0.06);         // q_c per month
    public Distribution Potential { get; init; } = new Fixed(1.0);           // M_c, share of organisations
    public Distribution InitialAdoption { get; init; } = new Fixed(0.0);     // N_c at the start
    public Distribution SpendPerAdopter { get; init; } = new Fixed(0.0);     // w_c: M$/month at full adoption, at the start
    public Distribution SpendGrowthPerYear { get; init; } = new Fixed(1.0);  // yearly factor on w_c
}

/// <summary>A country's domestic chip industry (C3 domestic channel, C5).</summary>
public sealed record DomesticChipSpec
{
    public Distribution OutputPerMonth { get; init; } = new Fixed(0);        // Q_D at the start, chips/month
    public Distribution GrowthPerMonth { get; init; } = new Fixed(0);        // g_D
    public Distribution FundResponse { get; init; } = new Fixed(0);          // ν_D
    public Distribution FabCapitalMusd { get; init; } = new Fixed(10000);    // K_fab
    public Distribution EfficiencyStart { get; init; } = new Fixed(0.3);     // η_D at the start, H100e per chip
    public Distribution EfficiencyCeiling { get; init; } = new Fixed(0.45);  // what learning approaches
    public Distribution LearningChips { get; init; } = new Fixed(1e6);       // cumulative chips for 63% of the way
}

/// <summary>How a government sees a gap (G3): Ĝ ← Ĝ + κ(S + ν − Ĝ), ν = bias + noise.</summary>
public sealed record PerceptionSpec
{
    public required string Of { get; init; }
    public required string Behind { get; init; }
    public Distribution Kappa { get; init; } = new Fixed(1);
    public Distribution Bias { get; init; } = new Fixed(0);
    public Distribution NoiseSd { get; init; } = new Fixed(0);
}

/// <summary>A country: its government, market, patents and chip industry.</summary>
public sealed record CountrySpec
{
    public required string Id { get; init; }
    public MarketSpec Market { get; init; } = new();
    public Distribution PatentPropensity { get; init; } = new Fixed(0);      // π_c
    public Distribution PatentQuality { get; init; } = new Fixed(1);         // q_c
    public Distribution PatentSubsidy { get; init; } = new Fixed(1);         // M_c at the start
    public DomesticChipSpec DomesticChips { get; init; } = new();
    public PerceptionSpec? Perception { get; init; }
    /// <summary>w_api: access of this country's firms and users to foreign APIs (1 = full).</summary>
    public Distribution ForeignApiAccess { get; init; } = new Fixed(1);
    /// <summary>λ0: smuggled share of blocked demand at zero enforcement.</summary>
    public Distribution SmugglingBase { get; init; } = new Fixed(0);
    public Distribution Support { get; init; } = new Fixed(0);               // Sub: M$/month to the country's firms
    public Distribution Vouchers { get; init; } = new Fixed(0);              // θ
    public Distribution ChipFund { get; init; } = new Fixed(0);              // Fund_chip, M$/month
    /// <summary>GDP_c(t) against which budgets and market spending saturate (C2, M2, v2); null: they never saturate.</summary>
    public GdpSeries? Gdp { get; init; }
    /// <summary>s_c: the share of GDP that the country's AI budgets approach (C2, v2).</summary>
    public Distribution BudgetCeilingShare { get; init; } = new UniformDist(0.02, 0.05);
    /// <summary>s_M,c: the share of GDP that spending on AI services approaches (M2, v2).</summary>
    public Distribution SpendCeilingShare { get; init; } = new UniformDist(0.02, 0.05);
    /// <summary>
    /// A multiplier on the frontier-run share φ of every firm of the country, drawn once per member
    /// for the whole country (v2 Uncertainty: runs need a country-level spread of φ·u).
    /// </summary>
    public Distribution FrontierRunShareScale { get; init; } = new Fixed(1);
    /// <summary>Dated levels of this country's frontier before the start (for gaps reaching back before it).</summary>
    public IReadOnlyList<(Month Date, double Level)> HistoryBeforeStart { get; init; } = [];
}

/// <summary>An export-control tier (C3): what the compliant channel delivers once the frontier channel is closed.</summary>
public sealed record ExportTier(string Name, Distribution CompliantEfficiency, Distribution CompliantPrice);
