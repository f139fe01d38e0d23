using System.Globalization;
using AiRaceSim.Model.Gaps;

namespace AiRaceSim.Reports.Data;

/// <summary>A bad row or header of a dated series file: the message names the file, line and column and what was expected.</summary>
public sealed class DatedSeriesException(string message) : Exception(message);

/// <summary>One observation: its date as written, its month on the kernel's axis, its value.</summary>
public sealed record DatedObservation(string Date, double Month, double Value);

/// <summary>
/// A CSV of dated observations in groups (such as Epoch AI's models: one row per model with its
/// date, country and training compute), read into one series per group, ascending by date. A date
/// is yyyy-MM-dd (a fractional month, <see cref="TimeDistance.MonthOf"/>) or yyyy-MM; a row whose
/// value or group is empty has no observation and is skipped.
/// </summary>
public static class DatedSeriesFile
{
    /// <summary>The years a date may have: observed series of this kind lie well inside them, and the charts' date axis needs years of four digits.</summary>
    public const int FirstYear = 1900, LastYear = 2200;

    public static IReadOnlyDictionary<string, List<DatedObservation>> Read(string path, string dateColumn, string groupColumn, string valueColumn, bool log10)
    {
        if (!File.Exists(path)) throw new DatedSeriesException($"{path}: no such file");
        using var reader = new StreamReader(path);
        var headerLine = reader.ReadLine() ?? throw new DatedSeriesException($"{path}:1: the file is empty; expected a header line naming the columns");
        var header = CsvFields.Split(headerLine.TrimEnd('\r'));
        int Column(string name, string option) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new DatedSeriesException($"{path}:1: no column '{name}' (give it with {option}); the header has: {string.Join(", ", header)}");
        int d = Column(dateColumn, "--date"), g = Column(groupColumn, "--group"), v = Column(valueColumn, "--value");
        var groups = new Dictionary<string, List<DatedObservation>>();
        string? line;
        int number = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0) continue;
            var f = CsvFields.Split(line.TrimEnd('\r'));
            string Where(int column) => $"{path}:{number}: column '{header[column]}' (field {column + 1})";
            if (f.Count != header.Count) throw new DatedSeriesException($"{path}:{number}: expected {header.Count} fields as in the header, found {f.Count}");
            if (f[v].Length == 0 || f[g].Length == 0) continue;
            if (!double.TryParse(f[v], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw new DatedSeriesException($"{Where(v)}: expected a number such as 3.14e+23, got '{f[v]}'");
            if (log10)
            {
                if (!(value > 0)) throw new DatedSeriesException($"{Where(v)}: --log10 takes the log10 of each value, which needs a positive number, got '{f[v]}'");
                value = Math.Log10(value);
            }
            double month = ParseMonth(f[d]) ?? throw new DatedSeriesException($"{Where(d)}: expected a date yyyy-MM-dd or yyyy-MM, got '{f[d]}'");
            if (month < FirstYear * 12 || month >= (LastYear + 1) * 12)
                throw new DatedSeriesException($"{Where(d)}: expected a date from {FirstYear}-01-01 to {LastYear}-12-31, got '{f[d]}'");
            if (!groups.TryGetValue(f[g], out var list)) groups[f[g]] = list = [];
            list.Add(new DatedObservation(f[d], month, value));
        }
        foreach (var list in groups.Values) list.Sort((a, b) => a.Month.CompareTo(b.Month)); // List.Sort is not stable, but equal months have one level (running maximum)
        return groups;
    }

    public static double? ParseMonth(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return TimeDistance.MonthOf(day.Year, day.Month, day.Day);
        if (Model.Time.Month.TryParse(text, out var month)) return month.Index;
        return null;
    }
}
