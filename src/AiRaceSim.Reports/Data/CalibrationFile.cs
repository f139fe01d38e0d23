using System.Text.Json;

namespace AiRaceSim.Reports.Data;

/// <summary>One calibration target as checked against a run: what, observed (source), the model's median with P5–P95, the accepted range, pass or miss.</summary>
public sealed record CalibrationRow(string Id, string What, string Observed, string Source, double Median, double P05, double P95, double Low, double High, bool Passed);

/// <summary>
/// <c>calibration.json</c> in a run's folder, written by <c>airace calibrate … --report DIR</c>: the
/// targets file, the members used and each target's result. The report shows it when present.
/// Infinite bounds are written as null.
/// </summary>
public sealed record CalibrationFile(string Targets, int Members, IReadOnlyList<CalibrationRow> Rows)
{
    public const string Name = "calibration.json";

    public void Write(string folder)
    {
        var path = Path.Combine(folder, Name);
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("targets", Targets);
            json.WriteNumber("members", Members);
            json.WriteStartArray("results");
            foreach (var r in Rows)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id); json.WriteString("what", r.What); json.WriteString("observed", r.Observed); json.WriteString("source", r.Source);
                Number(json, "median", r.Median); Number(json, "p05", r.P05); Number(json, "p95", r.P95);
                Number(json, "low", r.Low); Number(json, "high", r.High);
                json.WriteBoolean("passed", r.Passed);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static CalibrationFile? Read(string folder)
    {
        var path = Path.Combine(folder, Name);
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        double N(JsonElement e, string name, double whenNull) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? whenNull : e.GetProperty(name).GetDouble();
        var rows = root.GetProperty("results").EnumerateArray().Select(r => new CalibrationRow(
            r.GetProperty("id").GetString()!, r.GetProperty("what").GetString()!, r.GetProperty("observed").GetString()!, r.GetProperty("source").GetString()!,
            N(r, "median", double.NaN), N(r, "p05", double.NaN), N(r, "p95", double.NaN),
            N(r, "low", double.NegativeInfinity), N(r, "high", double.PositiveInfinity), r.GetProperty("passed").GetBoolean())).ToList();
        return new CalibrationFile(root.GetProperty("targets").GetString()!, root.GetProperty("members").GetInt32(), rows);
    }

    private static void Number(Utf8JsonWriter json, string name, double v)
    {
        if (double.IsFinite(v)) json.WriteNumber(name, v); else json.WriteNull(name);
    }
}
