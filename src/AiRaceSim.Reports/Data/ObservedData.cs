using System.Globalization;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Reports.Data;

/// <summary>One observed model of Epoch AI's list: its month on the chart axis, log10 training FLOP and scenario country.</summary>
public sealed record EpochModel(string Name, string Country, double Month, double Log10Flop);

/// <summary>One observed figure drawn on a chart (WIPO patents, adoption survey), with its source.</summary>
public sealed record ObservedPoint(string Chart, string Country, Month Date, double Value, string Source);

/// <summary>
/// The public data the charts overlay, shipped with the project (data/epoch, data/observed) and
/// embedded in this assembly: Epoch AI's large-scale models (CC BY 4.0) and the WIPO and survey points.
/// </summary>
public static class ObservedData
{
    public const string EpochAttribution = "Epoch AI, \"Large-Scale AI Models\", https://epoch.ai/data/large-scale-ai-models (CC BY 4.0)";

    /// <summary>
    /// The models with a training-compute estimate and a scenario country, in file order. The
    /// country is the file's <c>country_id</c> column (its first listed country mapped to a
    /// scenario id, data/epoch/README.md), the one mapping both these charts and `airace gap` use.
    /// </summary>
    public static IReadOnlyList<EpochModel> EpochModels()
    {
        var models = new List<EpochModel>();
        var lines = Lines("epoch-models.csv");
        var header = CsvFields.Split(lines[0]);
        int name = header.IndexOf("model"), country = header.IndexOf("country_id"), date = header.IndexOf("date"), flop = header.IndexOf("training_compute_flop");
        foreach (var line in lines.Skip(1))
        {
            var f = CsvFields.Split(line);
            if (f[flop].Length == 0 || f[country].Length == 0) continue;
            var d = DateOnly.ParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            models.Add(new EpochModel(f[name], f[country], TimeDistance.MonthOf(d.Year, d.Month, d.Day),
                Math.Log10(double.Parse(f[flop], NumberStyles.Float, CultureInfo.InvariantCulture))));
        }
        return models;
    }

    public static IReadOnlyList<ObservedPoint> Points(string chart) => Lines("observed.csv").Skip(1)
        .Select(CsvFields.Split)
        .Where(f => f[0] == chart)
        .Select(f => new ObservedPoint(f[0], f[1], Month.Parse(f[2]), double.Parse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture), f[4]))
        .ToList();

    private static List<string> Lines(string resource)
    {
        using var stream = typeof(ObservedData).Assembly.GetManifestResourceStream("AiRaceSim.Reports." + resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }
}
