using AiRaceSim.Reports;

namespace AiRaceSim.Cli;

/// <summary>`airace report <folder>`: rebuilds a run folder's charts and report.html from the files in it.</summary>
public static class ReportCommand
{
    public static int Execute(string folder, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(folder)) { stderr.WriteLine($"airace: '{folder}' is not a folder; give the output folder of an `airace run`"); return ExitCodes.BadInput; }
        if (!File.Exists(Path.Combine(folder, "manifest.json")))
        { stderr.WriteLine($"airace: '{folder}' holds no manifest.json; give the output folder of an `airace run`"); return ExitCodes.BadInput; }
        if (Reports.Data.QuantileTable.SourceIn(folder) is null)
        { stderr.WriteLine($"airace: '{folder}' holds neither quantiles.csv nor series.csv; the report is drawn from them (run with --format csv or both)"); return ExitCodes.BadInput; }
        try
        {
            var files = RunReport.Write(folder);
            stdout.WriteLine($"wrote {RunReport.Html} and {files.Count - 1} charts in {RunReport.Charts}/ to {folder}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            stderr.WriteLine($"airace: cannot build the report of '{folder}': {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
