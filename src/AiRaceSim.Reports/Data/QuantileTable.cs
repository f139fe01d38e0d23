using System.Globalization;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Reports.Data;

/// <summary>One series over the run's months: the mean and the 5/25/50/75/95th percentiles over members (NaN: no member has a value).</summary>
public sealed record QuantileSeries(string Entity, string Metric, double[] Mean, double[] P05, double[] P25, double[] P50, double[] P75, double[] P95);

/// <summary>
/// The quantiles a report draws, read back from a run's folder: <c>quantiles.csv</c>, or for a
/// single-member run <c>series.csv</c> (every quantile is then the member's value). Only the
/// metrics asked for are kept, so memory is keys × months, whatever the number of members.
/// </summary>
public sealed class QuantileTable
{
    private readonly Dictionary<(string Entity, string Metric), QuantileSeries> _series;

    /// <summary>The first month (absolute index, <see cref="Month.Index"/>) and the number of months.</summary>
    public Month Start { get; }
    public int Months { get; }

    private QuantileTable(Month start, int months, Dictionary<(string, string), QuantileSeries> series) =>
        (Start, Months, _series) = (start, months, series);

    public QuantileSeries? Get(string entity, string metric) => _series.GetValueOrDefault((entity, metric));

    /// <summary>Whether any entity has a series of <paramref name="metric"/>.</summary>
    public bool Has(string metric) => _series.Keys.Any(k => k.Metric == metric);

    /// <summary>
    /// Whether <paramref name="metric"/> is there but says nothing: every series of it, for every
    /// entity and month, empty or 0 in every quantile (patents in a world without patents).
    /// </summary>
    public bool HoldsNothing(string metric) => Has(metric) && _series.Values.Where(s => s.Metric == metric)
        .All(s => Enumerable.Range(0, s.P50.Length).All(t => (double.IsNaN(s.P50[t]) || s.P50[t] == 0) && (double.IsNaN(s.P05[t]) || s.P05[t] == 0) && (double.IsNaN(s.P95[t]) || s.P95[t] == 0)));

    /// <summary>The month axis: <see cref="Month.Index"/> of each month of the run.</summary>
    public double[] X() => Enumerable.Range(0, Months).Select(t => (double)(Start.Index + t)).ToArray();

    public int IndexOf(Month m) => m - Start;

    public static string? SourceIn(string folder) =>
        File.Exists(Path.Combine(folder, "quantiles.csv")) ? "quantiles.csv" : File.Exists(Path.Combine(folder, "series.csv")) ? "series.csv" : null;

    /// <summary>
    /// Reads the series of <paramref name="metrics"/> dated <paramref name="start"/>..<paramref name="end"/>
    /// (the manifest's months). A bad row throws a <see cref="FormatException"/> naming the file, line,
    /// column and what was expected, before anything is allocated for it.
    /// </summary>
    public static QuantileTable Load(string folder, ISet<string> metrics, Month start, Month end)
    {
        var source = SourceIn(folder) ?? throw new FileNotFoundException($"{folder} holds neither quantiles.csv nor series.csv, which the report is drawn from");
        var path = Path.Combine(folder, source);
        bool tidy = source == "series.csv";
        // Keyed by the row's "entity,metric" text (the two fields are adjacent and, unquoted, hold no comma), looked up
        // on the line itself: a string per row and field was most of the time of a one-member run's report.
        var rows = new Dictionary<string, KeyRows>();
        var byText = rows.GetAlternateLookup<ReadOnlySpan<char>>();
        var wanted = new HashSet<string>(metrics).GetAlternateLookup<ReadOnlySpan<char>>();
        int first = int.MaxValue, last = int.MinValue;
        // quantiles.csv: date,entity,metric,mean,p05,p25,p50,p75,p95,sd (sd is not charted; folders written before it have 9
        // fields, told by the header); series.csv: scenario,member,date,entity,metric,value
        int d = tidy ? 2 : 0;
        var cells = new Range[11];
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16);
        var header = reader.ReadLine() ?? "";
        int fields = tidy ? 6 : header.EndsWith(",sd", StringComparison.Ordinal) ? 10 : 9;
        int lineNumber = 1;
        // The last date read and its month: rows come a month at a time.
        char[] lastDate = new char[7];
        bool dated = false; // whether lastDate holds a month read (only months of 7 characters parse)
        int lastMonth = 0;
        var buffer = new char[1 << 20];
        int filled = 0;
        while (true)
        {
            int read = reader.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            int from = 0;
            while (true)
            {
                // Lines end as ReadLine's do: at \n, \r or \r\n. A \r last in the buffer may be the first half of
                // \r\n, so it waits for the next read (unless the file ends there).
                int lineEnd = buffer.AsSpan(from, filled - from).IndexOfAny('\r', '\n');
                if (lineEnd >= 0) lineEnd += from;
                if (lineEnd >= 0 && buffer[lineEnd] == '\r' && lineEnd + 1 == filled && read > 0) lineEnd = -1;
                if (lineEnd < 0 && (read > 0 || from == filled)) break;
                int stop = lineEnd < 0 ? filled : lineEnd;
                lineNumber++;
                Row(buffer.AsSpan(from, stop - from));
                from = lineEnd < 0 ? filled : lineEnd + (buffer[lineEnd] == '\r' && lineEnd + 1 < filled && buffer[lineEnd + 1] == '\n' ? 2 : 1);
            }
            if (read == 0) break;
            // The partial last line moves to the front; a line longer than the buffer grows it.
            buffer.AsSpan(from, filled - from).CopyTo(buffer);
            filled -= from;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }

        void Row(ReadOnlySpan<char> text)
        {
            if (text.Contains('"')) { Quoted(text.ToString()); return; }
            if (text.Split(cells.AsSpan(), ',') != fields) throw new FormatException($"{path}:{lineNumber}: expected {fields} fields");
            if (!wanted.Contains(text[cells[d + 2]]) || (tidy && !text[cells[1]].SequenceEqual("0"))) return;
            var values = new double[6];
            for (int q = 0; q < 6; q++)
            {
                int c = tidy ? 5 : 3 + q;
                values[q] = Number(text[cells[c]], c, cells[c].Start.Value + 1);
            }
            var key = text[cells[d + 1].Start..cells[d + 2].End];
            if (!byText.TryGetValue(key, out var series))
                rows[key.ToString()] = series = new KeyRows(text[cells[d + 1]].ToString(), text[cells[d + 2]].ToString());
            Add(text[cells[d]], series, values, cells[d].Start.Value + 1);
        }

        void Quoted(string quoted)
        {
            var f = CsvFields.Split(quoted);
            if (f.Count != fields) throw new FormatException($"{path}:{lineNumber}: expected {fields} fields, found {f.Count}");
            if (!metrics.Contains(f[d + 2]) || (tidy && f[1] != "0")) return;
            // The key an unquoted row of the same series has; a field with a comma cannot be unquoted, so its key needs no match.
            string key = f[d + 1].Contains(',') || f[d + 2].Contains(',') ? $"{f[d + 1]}\0{f[d + 2]}" : $"{f[d + 1]},{f[d + 2]}";
            if (!rows.TryGetValue(key, out var series)) rows[key] = series = new KeyRows(f[d + 1], f[d + 2]);
            // CsvFields gives no offsets: the column of a quoted row is the field's number.
            Add(f[d], series, Enumerable.Range(0, 6).Select(q => Number(f[tidy ? 5 : 3 + q], tidy ? 5 : 3 + q, null)).ToArray(), null);
        }

        string Where(int field, int? column) =>
            $"{path}:{lineNumber}:{(column is { } c ? c.ToString(CultureInfo.InvariantCulture) + ":" : "")} field {field + 1}";

        double Number(ReadOnlySpan<char> text, int field, int? column)
        {
            if (text.Length == 0) return double.NaN;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
            throw new FormatException($"{Where(field, column)}: expected a number such as 0.25 (or an empty field), got '{Excerpt(text)}'");
        }

        void Add(ReadOnlySpan<char> date, KeyRows series, double[] values, int? column)
        {
            int month;
            if (dated && date.SequenceEqual(lastDate)) month = lastMonth;
            else
            {
                if (!Month.TryParse(date, out var parsed))
                    throw new FormatException($"{Where(d, column)}: expected a month yyyy-MM, got '{Excerpt(date)}'");
                if (parsed < start || parsed > end)
                    throw new FormatException($"{Where(d, column)}: month {date} lies outside the run's months {start}..{end} (manifest.json)");
                month = lastMonth = parsed.Index;
                date.CopyTo(lastDate);
                dated = true;
            }
            series.Rows.Add((month, values));
            first = Math.Min(first, month);
            last = Math.Max(last, month);
        }
        if (first > last) return new QuantileTable(new Month(0), 0, []);
        int months = last - first + 1;
        var table = new Dictionary<(string, string), QuantileSeries>();
        foreach (var series in rows.Values)
        {
            var q = Enumerable.Range(0, 6).Select(_ => Enumerable.Repeat(double.NaN, months).ToArray()).ToArray();
            foreach (var (month, values) in series.Rows)
                for (int i = 0; i < 6; i++) q[i][month - first] = values[i];
            table[(series.Entity, series.Metric)] = new QuantileSeries(series.Entity, series.Metric, q[0], q[1], q[2], q[3], q[4], q[5]);
        }
        return new QuantileTable(new Month(first), months, table);
    }

    /// <summary>The rows read of one series: its month and its six values (mean, P5..P95).</summary>
    private sealed record KeyRows(string Entity, string Metric)
    {
        public List<(int Month, double[] Values)> Rows { get; } = [];
    }

    private static string Excerpt(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
