using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Contracts;

// The kernel knows nothing of Orleans; these surrogates let its records travel between grains.
// Within a silo they pass by reference (the messages are immutable); between silos they are serialized.

[GenerateSerializer, Alias("airace.HomePolicy")]
public struct HomePolicySurrogate
{
    [Id(0)] public int[] Tier; [Id(1)] public double[] Enforcement; [Id(2)] public double[] SmugglingBase;
    [Id(3)] public double[] Vouchers; [Id(4)] public double[] Support; [Id(5)] public double[] ChipOutput;
    [Id(6)] public double[] ChipEfficiency; [Id(7)] public bool[] LicensingOn; [Id(8)] public bool[] ApprovalRound;
    [Id(9)] public double[] PatentPropensity; [Id(10)] public double[] PatentQuality; [Id(11)] public double[] PatentSubsidy;
    [Id(12)] public double[][] ApiAccess; [Id(13)] public double[] BudgetCeiling;
}

[RegisterConverter]
public sealed class HomePolicyConverter : IConverter<HomePolicy, HomePolicySurrogate>
{
    public HomePolicy ConvertFromSurrogate(in HomePolicySurrogate s) => new(s.Tier, s.Enforcement, s.SmugglingBase, s.Vouchers,
        s.Support, s.ChipOutput, s.ChipEfficiency, s.LicensingOn, s.ApprovalRound, s.PatentPropensity, s.PatentQuality,
        s.PatentSubsidy, s.ApiAccess, s.BudgetCeiling);

    public HomePolicySurrogate ConvertToSurrogate(in HomePolicy v) => new()
    {
        Tier = v.Tier, Enforcement = v.Enforcement, SmugglingBase = v.SmugglingBase, Vouchers = v.Vouchers, Support = v.Support,
        ChipOutput = v.ChipOutput, ChipEfficiency = v.ChipEfficiency, LicensingOn = v.LicensingOn, ApprovalRound = v.ApprovalRound,
        PatentPropensity = v.PatentPropensity, PatentQuality = v.PatentQuality, PatentSubsidy = v.PatentSubsidy, ApiAccess = v.ApiAccess,
        BudgetCeiling = v.BudgetCeiling,
    };
}

[GenerateSerializer, Alias("airace.CountryReport")]
public struct CountryReportSurrogate
{
    [Id(0)] public int CountryIndex; [Id(1)] public double[][] Appeal; [Id(2)] public double[] Spend; [Id(3)] public double[] Adoption;
    [Id(4)] public int[] Tier; [Id(5)] public double[] Enforcement; [Id(6)] public double[] Support; [Id(7)] public double[] Vouchers;
    [Id(8)] public double[] Perceived; [Id(9)] public double[] ChipOutput; [Id(10)] public double[] ChipEfficiency;
    [Id(11)] public double[] PatentSubsidy; [Id(12)] public double[] Gdp;
}

[RegisterConverter]
public sealed class CountryReportConverter : IConverter<CountryReport, CountryReportSurrogate>
{
    public CountryReport ConvertFromSurrogate(in CountryReportSurrogate s) => new(s.CountryIndex, s.Appeal, s.Spend, s.Adoption,
        s.Tier, s.Enforcement, s.Support, s.Vouchers, s.Perceived, s.ChipOutput, s.ChipEfficiency, s.PatentSubsidy, s.Gdp);

    public CountryReportSurrogate ConvertToSurrogate(in CountryReport v) => new()
    {
        CountryIndex = v.CountryIndex, Appeal = v.Appeal, Spend = v.Spend, Adoption = v.Adoption, Tier = v.Tier,
        Enforcement = v.Enforcement, Support = v.Support, Vouchers = v.Vouchers, Perceived = v.Perceived,
        ChipOutput = v.ChipOutput, ChipEfficiency = v.ChipEfficiency, PatentSubsidy = v.PatentSubsidy, Gdp = v.Gdp,
    };
}

[GenerateSerializer, Alias("airace.FirmInputs")]
public struct FirmInputsSurrogate
{
    [Id(0)] public double[] OpenBest; [Id(1)] public double[] BestPublishedLagged;
    [Id(3)] public double[] Revenue; [Id(4)] public double[] NationalShare; [Id(5)] public double[]? EntryLevel;
    [Id(7)] public double[] NationalDemand;
    // The home country's K3 teacher board (TeacherBoard.Contents).
    [Id(8)] public int TeacherSlots; [Id(9)] public int[] TeacherCount; [Id(10)] public double[] TeacherAccess; [Id(11)] public double[] TeacherBest;
}

[RegisterConverter]
public sealed class FirmInputsConverter : IConverter<FirmInputs, FirmInputsSurrogate>
{
    public FirmInputs ConvertFromSurrogate(in FirmInputsSurrogate s) =>
        new(s.OpenBest, s.BestPublishedLagged, TeacherBoard.From(s.TeacherSlots, s.TeacherCount, s.TeacherAccess, s.TeacherBest),
            s.Revenue, s.NationalShare, s.EntryLevel, s.NationalDemand);

    public FirmInputsSurrogate ConvertToSurrogate(in FirmInputs v)
    {
        var (slots, count, access, best) = v.Teachers.Contents();
        return new()
        {
            OpenBest = v.OpenBest, BestPublishedLagged = v.BestPublishedLagged,
            Revenue = v.Revenue, NationalShare = v.NationalShare, EntryLevel = v.EntryLevel, NationalDemand = v.NationalDemand,
            TeacherSlots = slots, TeacherCount = count, TeacherAccess = access, TeacherBest = best,
        };
    }
}

[GenerateSerializer, Alias("airace.FirmReport")]
public struct FirmReportSurrogate
{
    [Id(0)] public int Index; [Id(1)] public int CountryIndex; [Id(2)] public bool Active; [Id(3)] public bool Entered;
    [Id(4)] public bool OpenWeights; [Id(5)] public bool ServesApi; [Id(6)] public bool Publishes;
    [Id(7)] public double[] Capability; [Id(8)] public double[] Algorithmic; [Id(9)] public double[] LargestRunLogFlop;
    [Id(10)] public double[] Budget; [Id(11)] public double[] Installed; [Id(12)] public double[] Absorption;
    [Id(13)] public double[] Patents; [Id(14)] public double[] PatentsCumulative; [Id(15)] public double[][] AddedByChannel;
    [Id(16)] public double[] Funding; [Id(17)] public double[] Trained; [Id(18)] public double[] BudgetDemand;
    [Id(19)] public double[] PatentsQualityCumulative;
}

[RegisterConverter]
public sealed class FirmReportConverter : IConverter<FirmReport, FirmReportSurrogate>
{
    public FirmReport ConvertFromSurrogate(in FirmReportSurrogate s) => new(s.Index, s.CountryIndex, s.Active, s.Entered,
        s.OpenWeights, s.ServesApi, s.Publishes, s.Capability, s.Algorithmic, s.LargestRunLogFlop, s.Budget, s.Installed,
        s.Absorption, s.Patents, s.PatentsCumulative, s.AddedByChannel, s.Funding, s.Trained, s.BudgetDemand, s.PatentsQualityCumulative);

    public FirmReportSurrogate ConvertToSurrogate(in FirmReport v) => new()
    {
        Index = v.Index, CountryIndex = v.CountryIndex, Active = v.Active, Entered = v.Entered, OpenWeights = v.OpenWeights,
        ServesApi = v.ServesApi, Publishes = v.Publishes, Capability = v.Capability, Algorithmic = v.Algorithmic,
        LargestRunLogFlop = v.LargestRunLogFlop, Budget = v.Budget, Installed = v.Installed, Absorption = v.Absorption,
        Patents = v.Patents, PatentsCumulative = v.PatentsCumulative, AddedByChannel = v.AddedByChannel, Funding = v.Funding,
        Trained = v.Trained, BudgetDemand = v.BudgetDemand, PatentsQualityCumulative = v.PatentsQualityCumulative,
    };
}

[GenerateSerializer, Alias("airace.RuleDecision")]
public struct RuleDecisionSurrogate
{
    [Id(0)] public int RuleIndex; [Id(1)] public bool[] Fired;
}

[RegisterConverter]
public sealed class RuleDecisionConverter : IConverter<RuleDecision, RuleDecisionSurrogate>
{
    public RuleDecision ConvertFromSurrogate(in RuleDecisionSurrogate s) => new(s.RuleIndex, s.Fired);
    public RuleDecisionSurrogate ConvertToSurrogate(in RuleDecision v) => new() { RuleIndex = v.RuleIndex, Fired = v.Fired };
}

[GenerateSerializer, Alias("airace.GapBoard")]
public struct GapBoardSurrogate
{
    [Id(0)] public string[] Of; [Id(1)] public string[] Behind; [Id(2)] public double[][] Capability; [Id(3)] public double[][] Compute;
}

[RegisterConverter]
public sealed class GapBoardConverter : IConverter<GapBoard, GapBoardSurrogate>
{
    public GapBoard ConvertFromSurrogate(in GapBoardSurrogate s) =>
        new(s.Of.Zip(s.Behind, (o, b) => new GapPair(o, b)).ToArray(), s.Capability, s.Compute);

    public GapBoardSurrogate ConvertToSurrogate(in GapBoard v) => new()
    {
        Of = v.Pairs.Select(p => p.Of).ToArray(), Behind = v.Pairs.Select(p => p.Behind).ToArray(),
        Capability = v.Capability, Compute = v.Compute,
    };
}

[GenerateSerializer, Alias("airace.SeriesBatch")]
public struct SeriesBatchSurrogate
{
    [Id(0)] public int FirstMonthIndex; [Id(1)] public int Months; [Id(2)] public int FirstMember; [Id(3)] public int Members;
    [Id(4)] public int Keys; [Id(5)] public byte[] Values;
}

/// <summary>Series travel as raw bytes: Orleans writes double[] element by element, ≈15× slower (ORLEANS-NOTES).</summary>
[RegisterConverter]
public sealed class SeriesBatchConverter : IConverter<SeriesBatch, SeriesBatchSurrogate>
{
    public SeriesBatch ConvertFromSurrogate(in SeriesBatchSurrogate s)
    {
        var values = new double[s.Values.Length / sizeof(double)];
        Buffer.BlockCopy(s.Values, 0, values, 0, s.Values.Length);
        return new SeriesBatch(s.FirstMonthIndex, s.Months, s.FirstMember, s.Members, s.Keys, values);
    }

    public SeriesBatchSurrogate ConvertToSurrogate(in SeriesBatch v)
    {
        var bytes = new byte[v.Values.Length * sizeof(double)];
        Buffer.BlockCopy(v.Values, 0, bytes, 0, bytes.Length);
        return new SeriesBatchSurrogate
        {
            FirstMonthIndex = v.FirstMonthIndex, Months = v.Months, FirstMember = v.FirstMember, Members = v.Members,
            Keys = v.Keys, Values = bytes,
        };
    }
}
