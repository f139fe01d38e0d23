using AiRaceSim.Model.Time;
using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Calibration;

/// <summary>
/// A target of a targets file: id, what, observed, source, series {entity, metric}, optional
/// versus {entity, metric}, statistic, from, to, scale, range [low, high], weight, optional
/// observed_value (the figure P5–P95 must hold) and share {at_most, least}. For the statistic
/// first_month_at_or_above, range, observed_value and share.at_most are months.
/// </summary>
internal static class TargetEntry
{
    private static readonly string[] Keys =
        ["id", "what", "observed", "source", "series", "versus", "statistic", "from", "to", "scale", "range", "weight", "observed_value", "share"];

    private static readonly Dictionary<string, Statistic> Statistics = new()
    {
        ["at"] = Statistic.At, ["mean"] = Statistic.Mean, ["max"] = Statistic.Max, ["min"] = Statistic.Min,
        ["sum"] = Statistic.Sum, ["growth_per_year"] = Statistic.GrowthPerYear, ["first_month_at_or_above"] = Statistic.FirstMonthAtOrAbove,
    };

    public static Target? Read(YamlFields f)
    {
        f.AllowOnly(Keys);
        var id = f.Text("id") ?? "?";
        var statisticText = f.Text("statistic");
        var statistic = Statistic.At;
        if (statisticText is not null && !Statistics.TryGetValue(statisticText, out statistic))
            f.Error(f.Node("statistic"), $"unknown statistic '{statisticText}'; expected one of {string.Join(", ", Statistics.Keys)}");
        bool months = statistic == Statistic.FirstMonthAtOrAbove;
        var series = f.Series("series");
        var versus = f.Series("versus", required: months);
        var from = f.Month("from", null);
        var to = f.Month("to", from);
        if (to < from) f.Error(f.Map, $"target {id}: 'to' {to} is before 'from' {from}");
        if (statistic == Statistic.GrowthPerYear && to <= from) f.Error(f.Map, $"target {id}: growth_per_year needs 'to' after 'from'");
        double Value(YamlNode node, string what) => months ? f.MonthOf(node, what).Index : f.Number(node, what);
        double low = double.NaN, high = double.NaN;
        if (f.Node("range") is YamlSequenceNode { Children.Count: 2 } range)
        { low = Value(range[0], "the range's low end"); high = Value(range[1], "the range's high end"); }
        else f.Error(f.Node("range") ?? f.Map, $"target {id} needs 'range: [low, high]'{(months ? " (months)" : "")}");
        if (low > high && f.Missing == 0) f.Error(f.Node("range"), $"target {id}: the range's low end is above its high end");
        if (months && f.Node("scale") is { } sc) f.Error(sc, $"target {id}: a month-valued statistic takes no 'scale'");
        double scale = f.Number("scale") ?? 1;
        double weight = f.Number("weight") ?? 1;
        double? observed = f.Node("observed_value") is { } o ? Value(o, "'observed_value'") : null;
        ShareCondition? share = null;
        if (f.Node("share") is { } s)
        {
            if (s is YamlMappingNode sm && sm.Children.Count == 2 && sm.Children.TryGetValue(new YamlScalarNode("at_most"), out var atMost)
                && sm.Children.TryGetValue(new YamlScalarNode("least"), out var least))
            {
                share = new ShareCondition(Value(atMost, "share.at_most"), f.Number(least, "share.least"));
                if (share.Least is < 0 or > 1) f.Error(least, $"target {id}: share.least is a fraction of members, in [0, 1]");
            }
            else f.Error(s, $"target {id}: expected 'share: {{ at_most, least }}' (the value is at most at_most in at least a fraction least of the members)");
        }
        if (f.Missing > 0 || series is null || (months && versus is null)) return null;
        return new Target
        {
            Id = id, What = f.Text("what") ?? "", Observed = f.Text("observed") ?? "", Source = f.Text("source") ?? "",
            Entity = series.Entity, Metric = series.Metric, Versus = versus, Statistic = statistic, From = from, To = to,
            Scale = scale, Low = low, High = high, Weight = weight, ObservedValue = observed, Share = share,
        };
    }
}
