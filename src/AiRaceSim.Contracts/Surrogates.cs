using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using static AiRaceSim.Contracts.RawArrays;

namespace AiRaceSim.Contracts;

// The kernel knows nothing of Orleans; these surrogates let its records travel between grains.
// Within a silo they pass by reference (the messages are immutable); between silos they are serialized,
// their per-member arrays as raw bytes (RawArrays).

[GenerateSerializer, Alias("airace.HomePolicy")]
public struct HomePolicySurrogate
{
    [Id(0)] public byte[] Tier; [Id(1)] public byte[] Enforcement; [Id(2)] public byte[] SmugglingBase;
    [Id(3)] public byte[] Vouchers; [Id(4)] public byte[] Support; [Id(5)] public byte[] ChipOutput;
    [Id(6)] public byte[] ChipEfficiency; [Id(7)] public byte[] LicensingOn; [Id(8)] public byte[] ApprovalRound;
    [Id(9)] public byte[] PatentPropensity; [Id(10)] public byte[] PatentQuality; [Id(11)] public byte[] PatentSubsidy;
    [Id(12)] public byte[][] ApiAccess; [Id(13)] public byte[] BudgetCeiling;
}

[RegisterConverter]
public sealed class HomePolicyConverter : IConverter<HomePolicy, HomePolicySurrogate>
{
    public HomePolicy ConvertFromSurrogate(in HomePolicySurrogate s) => new(Values<int>(s.Tier), Values<double>(s.Enforcement),
        Values<double>(s.SmugglingBase), Values<double>(s.Vouchers), Values<double>(s.Support), Values<double>(s.ChipOutput),
        Values<double>(s.ChipEfficiency), Values<bool>(s.LicensingOn), Values<bool>(s.ApprovalRound), Values<double>(s.PatentPropensity),
        Values<double>(s.PatentQuality), Values<double>(s.PatentSubsidy), Rows<double>(s.ApiAccess), Values<double>(s.BudgetCeiling));

    public HomePolicySurrogate ConvertToSurrogate(in HomePolicy v) => new()
    {
        Tier = Bytes(v.Tier), Enforcement = Bytes(v.Enforcement), SmugglingBase = Bytes(v.SmugglingBase), Vouchers = Bytes(v.Vouchers),
        Support = Bytes(v.Support), ChipOutput = Bytes(v.ChipOutput), ChipEfficiency = Bytes(v.ChipEfficiency), LicensingOn = Bytes(v.LicensingOn),
        ApprovalRound = Bytes(v.ApprovalRound), PatentPropensity = Bytes(v.PatentPropensity), PatentQuality = Bytes(v.PatentQuality),
        PatentSubsidy = Bytes(v.PatentSubsidy), ApiAccess = Rows(v.ApiAccess), BudgetCeiling = Bytes(v.BudgetCeiling),
    };
}

[GenerateSerializer, Alias("airace.CountryReport")]
public struct CountryReportSurrogate
{
    [Id(0)] public int CountryIndex; [Id(1)] public byte[][] Appeal; [Id(2)] public byte[] Spend; [Id(3)] public byte[] Adoption;
    [Id(4)] public byte[] Tier; [Id(5)] public byte[] Enforcement; [Id(6)] public byte[] Support; [Id(7)] public byte[] Vouchers;
    [Id(8)] public byte[] Perceived; [Id(9)] public byte[] ChipOutput; [Id(10)] public byte[] ChipEfficiency;
    [Id(11)] public byte[] PatentSubsidy; [Id(12)] public byte[] Gdp;
}

[RegisterConverter]
public sealed class CountryReportConverter : IConverter<CountryReport, CountryReportSurrogate>
{
    public CountryReport ConvertFromSurrogate(in CountryReportSurrogate s) => new(s.CountryIndex, Rows<double>(s.Appeal), Values<double>(s.Spend),
        Values<double>(s.Adoption), Values<int>(s.Tier), Values<double>(s.Enforcement), Values<double>(s.Support), Values<double>(s.Vouchers),
        Values<double>(s.Perceived), Values<double>(s.ChipOutput), Values<double>(s.ChipEfficiency), Values<double>(s.PatentSubsidy), Values<double>(s.Gdp));

    public CountryReportSurrogate ConvertToSurrogate(in CountryReport v) => new()
    {
        CountryIndex = v.CountryIndex, Appeal = Rows(v.Appeal), Spend = Bytes(v.Spend), Adoption = Bytes(v.Adoption), Tier = Bytes(v.Tier),
        Enforcement = Bytes(v.Enforcement), Support = Bytes(v.Support), Vouchers = Bytes(v.Vouchers), Perceived = Bytes(v.Perceived),
        ChipOutput = Bytes(v.ChipOutput), ChipEfficiency = Bytes(v.ChipEfficiency), PatentSubsidy = Bytes(v.PatentSubsidy), Gdp = Bytes(v.Gdp),
    };
}

[GenerateSerializer, Alias("airace.FirmInputs")]
public struct FirmInputsSurrogate
{
    [Id(0)] public byte[] OpenBest; [Id(1)] public byte[] BestPublishedLagged;
    [Id(3)] public byte[] Revenue; [Id(4)] public byte[] NationalShare; [Id(5)] public byte[]? EntryLevel;
    [Id(12)] public byte[] BudgetSaturation;
    // The home country's K3 teacher board (TeacherBoard.Contents).
    [Id(8)] public int TeacherSlots; [Id(9)] public byte[] TeacherCount; [Id(10)] public byte[] TeacherAccess; [Id(11)] public byte[] TeacherBest;
}

[RegisterConverter]
public sealed class FirmInputsConverter : IConverter<FirmInputs, FirmInputsSurrogate>
{
    public FirmInputs ConvertFromSurrogate(in FirmInputsSurrogate s) =>
        new(Values<double>(s.OpenBest), Values<double>(s.BestPublishedLagged),
            TeacherBoard.From(s.TeacherSlots, Values<int>(s.TeacherCount), Values<double>(s.TeacherAccess), Values<double>(s.TeacherBest)),
            Values<double>(s.Revenue), Values<double>(s.NationalShare), NullableValues<double>(s.EntryLevel), Values<double>(s.BudgetSaturation));

    public FirmInputsSurrogate ConvertToSurrogate(in FirmInputs v)
    {
        var (slots, count, access, best) = v.Teachers.Contents();
        return new()
        {
            OpenBest = Bytes(v.OpenBest), BestPublishedLagged = Bytes(v.BestPublishedLagged), Revenue = Bytes(v.Revenue),
            NationalShare = Bytes(v.NationalShare), EntryLevel = NullableBytes(v.EntryLevel), BudgetSaturation = Bytes(v.BudgetSaturation),
            TeacherSlots = slots, TeacherCount = Bytes(count), TeacherAccess = Bytes(access), TeacherBest = Bytes(best),
        };
    }
}

[GenerateSerializer, Alias("airace.FirmReport")]
public struct FirmReportSurrogate
{
    [Id(0)] public int Index; [Id(1)] public int CountryIndex; [Id(2)] public bool Active; [Id(3)] public bool Entered;
    [Id(4)] public bool OpenWeights; [Id(5)] public bool ServesApi; [Id(6)] public bool Publishes;
    [Id(7)] public byte[] Capability; [Id(8)] public byte[] Algorithmic; [Id(9)] public byte[] LargestRunLogFlop;
    [Id(10)] public byte[] Budget; [Id(11)] public byte[] Installed; [Id(12)] public byte[] Absorption;
    [Id(13)] public byte[] Patents; [Id(14)] public byte[] PatentsCumulative; [Id(15)] public byte[][] AddedByChannel;
    [Id(16)] public byte[] Funding; [Id(17)] public byte[] Trained; [Id(18)] public byte[] BudgetDemand;
    [Id(19)] public byte[] PatentsQualityCumulative;
}

[RegisterConverter]
public sealed class FirmReportConverter : IConverter<FirmReport, FirmReportSurrogate>
{
    public FirmReport ConvertFromSurrogate(in FirmReportSurrogate s) => new(s.Index, s.CountryIndex, s.Active, s.Entered,
        s.OpenWeights, s.ServesApi, s.Publishes, Values<double>(s.Capability), Values<double>(s.Algorithmic), Values<double>(s.LargestRunLogFlop),
        Values<double>(s.Budget), Values<double>(s.Installed), Values<double>(s.Absorption), Values<double>(s.Patents),
        Values<double>(s.PatentsCumulative), Rows<double>(s.AddedByChannel), Values<double>(s.Funding), Values<double>(s.Trained),
        Values<double>(s.BudgetDemand), Values<double>(s.PatentsQualityCumulative));

    public FirmReportSurrogate ConvertToSurrogate(in FirmReport v) => new()
    {
        Index = v.Index, CountryIndex = v.CountryIndex, Active = v.Active, Entered = v.Entered, OpenWeights = v.OpenWeights,
        ServesApi = v.ServesApi, Publishes = v.Publishes, Capability = Bytes(v.Capability), Algorithmic = Bytes(v.Algorithmic),
        LargestRunLogFlop = Bytes(v.LargestRunLogFlop), Budget = Bytes(v.Budget), Installed = Bytes(v.Installed), Absorption = Bytes(v.Absorption),
        Patents = Bytes(v.Patents), PatentsCumulative = Bytes(v.PatentsCumulative), AddedByChannel = Rows(v.AddedByChannel), Funding = Bytes(v.Funding),
        Trained = Bytes(v.Trained), BudgetDemand = Bytes(v.BudgetDemand), PatentsQualityCumulative = Bytes(v.PatentsQualityCumulative),
    };
}

[GenerateSerializer, Alias("airace.RuleDecision")]
public struct RuleDecisionSurrogate
{
    [Id(0)] public int RuleIndex; [Id(1)] public byte[] Fired;
}

[RegisterConverter]
public sealed class RuleDecisionConverter : IConverter<RuleDecision, RuleDecisionSurrogate>
{
    public RuleDecision ConvertFromSurrogate(in RuleDecisionSurrogate s) => new(s.RuleIndex, Values<bool>(s.Fired));
    public RuleDecisionSurrogate ConvertToSurrogate(in RuleDecision v) => new() { RuleIndex = v.RuleIndex, Fired = Bytes(v.Fired) };
}

[GenerateSerializer, Alias("airace.GapBoard")]
public struct GapBoardSurrogate
{
    [Id(0)] public string[] Of; [Id(1)] public string[] Behind; [Id(2)] public byte[][] Capability; [Id(3)] public byte[][] Compute;
}

[RegisterConverter]
public sealed class GapBoardConverter : IConverter<GapBoard, GapBoardSurrogate>
{
    public GapBoard ConvertFromSurrogate(in GapBoardSurrogate s) =>
        new(s.Of.Zip(s.Behind, (o, b) => new GapPair(o, b)).ToArray(), Rows<double>(s.Capability), Rows<double>(s.Compute));

    public GapBoardSurrogate ConvertToSurrogate(in GapBoard v) => new()
    {
        Of = v.Pairs.Select(p => p.Of).ToArray(), Behind = v.Pairs.Select(p => p.Behind).ToArray(),
        Capability = Rows(v.Capability), Compute = Rows(v.Compute),
    };
}

[GenerateSerializer, Alias("airace.SeriesBatch")]
public struct SeriesBatchSurrogate
{
    [Id(0)] public int FirstMonthIndex; [Id(1)] public int Months; [Id(2)] public int FirstMember; [Id(3)] public int Members;
    [Id(4)] public int Keys; [Id(5)] public byte[] Values;
}

[RegisterConverter]
public sealed class SeriesBatchConverter : IConverter<SeriesBatch, SeriesBatchSurrogate>
{
    public SeriesBatch ConvertFromSurrogate(in SeriesBatchSurrogate s) =>
        new(s.FirstMonthIndex, s.Months, s.FirstMember, s.Members, s.Keys, Values<double>(s.Values));

    public SeriesBatchSurrogate ConvertToSurrogate(in SeriesBatch v)
    {
        return new SeriesBatchSurrogate
        {
            FirstMonthIndex = v.FirstMonthIndex, Months = v.Months, FirstMember = v.FirstMember, Members = v.Members,
            Keys = v.Keys, Values = Bytes(v.Values),
        };
    }
}
