using System.Text.Json;
using AiRaceSim.Calibration;
using AiRaceSim.Reports;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Cli;

/// <summary>`airace calibrate … --report DIR`: the calibration table into a run folder of the same scenario (calibration.json), and its report rebuilt.</summary>
public static class CalibrationReport
{
    /// <summary>Why the folder cannot take the calibration, or null: it must be an output folder of a run of this scenario.</summary>
    public static string? Problem(string folder, string scenario)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest)) return "holds no manifest.json; give the output folder of an `airace run` of the scenario";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var name = doc.RootElement.TryGetProperty("scenario", out var s) ? s.GetString() : null;
            if (name != scenario) return $"holds a run of '{name}', not of '{scenario}'; give a run folder of the scenario you calibrate";
        }
        catch (JsonException e)
        {
            return $"has a manifest.json that is not JSON ({e.Message})";
        }
        return QuantileTable.SourceIn(folder) is null ? "holds neither quantiles.csv nor series.csv, which its report is drawn from" : null;
    }

    public static void Write(string folder, string targetsPath, int members, IReadOnlyList<TargetResult> results)
    {
        new CalibrationFile(Path.GetFileName(targetsPath), members, results.Select(r => new CalibrationRow(r.Target.Id, r.Target.What, r.Target.Observed,
            r.Target.Source, r.Median, r.P05, r.P95, r.Target.Low, r.Target.High, r.Passed)).ToList()).Write(folder);
        ManifestOutputs.Update(folder, _ => false, [CalibrationFile.Name]);
        RunReport.Write(folder);
    }
}
