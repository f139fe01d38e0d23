using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>The value kinds that are not maps of keys, for the binder and the schema alike.</summary>
internal static class CustomKinds
{
    private static readonly Dictionary<Type, CustomKind> All = new()
    {
        [typeof(Param)] = Param.Kind,
        [typeof(Month)] = MonthValue.Kind,
        [typeof(TierValue)] = TierValue.Kind,
        [typeof(DatedValue<Param>)] = DatedValue<Param>.Kind,
        [typeof(DatedValue<double>)] = DatedValue<double>.Kind,
        [typeof(Schedule<Param>)] = Schedule<Param>.Kind,
        [typeof(Schedule<double>)] = Schedule<double>.Kind,
        [typeof(CapabilityValue)] = CapabilityValue.Kind,
        [typeof(ThresholdValue)] = ThresholdValue.Kind,
        [typeof(MetricSelection)] = MetricSelection.Kind,
        [typeof(PerMemberSelection)] = PerMemberSelection.Kind,
        [typeof(EntitySelection)] = EntitySelection.Kind,
    };

    public static CustomKind? Find(Type type) => All.GetValueOrDefault(type);
}
