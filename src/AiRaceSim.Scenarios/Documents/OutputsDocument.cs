using System.ComponentModel;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

[Description("Series to write: 'all' or lists of names.")]
internal sealed class OutputsDocument
{
    [Description("'all' or a list of metric names.")]
    public Values.MetricSelection? Metrics { get; init; }

    [Description("'all' or a list of entities: world, a country id, a firm id, a measured gap 'CN-US' (of-behind), or 'firm@COUNTRY'.")]
    public Values.EntitySelection? Entities { get; init; }

    [Description("Metrics written member by member (series.csv, series.parquet) among those kept: 'all', 'none' or a list of metric names. Default: all up to 100 members, none above (quantiles.csv always has every kept series).")]
    public Values.PerMemberSelection? PerMember { get; init; }
}
