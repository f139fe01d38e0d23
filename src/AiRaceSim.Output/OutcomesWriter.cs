using System.Globalization;
using System.Text;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Output;

/// <summary>
/// <c>outcomes.csv</c>: one row per member, one column per outcome of the scenario (<see cref="Outcome"/>).
/// Each outcome is reduced as the slices stream by (memory: one value per outcome and member), and
/// the file is written when the run completes. Values in invariant culture, round-trip precision;
/// months yyyy-MM, <c>never</c> when the threshold was never passed; empty where the series had no value.
/// </summary>
public sealed class OutcomesWriter : ISeriesWriter
{
    public const string Never = "never";
    private readonly string _path;
    private readonly Month _start;
    private readonly IReadOnlyList<Outcome> _outcomes;
    private readonly int[] _key;
    private readonly double[][] _value;   // At, MaxFrom, MinFrom: the value; FirstBelow/Above: the month index, NaN for never
    private int _members = -1;

    public OutcomesWriter(string path, IReadOnlyList<SeriesKey> keys, IReadOnlyList<Outcome> outcomes, Month start)
    {
        (_path, _start, _outcomes) = (path, start, outcomes);
        var index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        _key = outcomes.Select(o => index.TryGetValue(o.Series, out int k) ? k
            : throw new ArgumentException($"outcome '{o.Name}': series {o.Series.Entity}/{o.Series.Metric} is not recorded")).ToArray();
        _value = new double[outcomes.Count][];
    }

    public ValueTask WriteAsync(SeriesBatch slice, CancellationToken cancellation)
    {
        if (_members < 0)
        {
            if (slice.FirstMember != 0) throw new ArgumentException("outcomes need every member in each slice, from member 0");
            _members = slice.Members;
            for (int o = 0; o < _outcomes.Count; o++) { _value[o] = new double[_members]; Array.Fill(_value[o], double.NaN); }
        }
        else if (slice.Members != _members) throw new ArgumentException("every slice must hold the same members");
        for (int o = 0; o < _outcomes.Count; o++)
        {
            var outcome = _outcomes[o];
            var value = _value[o];
            int k = _key[o];
            for (int t = 0; t < slice.Months; t++)
            {
                int monthIndex = slice.FirstMonthIndex + t;
                var month = _start + monthIndex;
                for (int m = 0; m < _members; m++)
                {
                    double v = slice[k, t, m];
                    if (double.IsNaN(v)) continue;
                    switch (outcome.Kind)
                    {
                        case OutcomeKind.At when month == outcome.Month: value[m] = v; break;
                        case OutcomeKind.MaxFrom when month >= outcome.Month: value[m] = double.IsNaN(value[m]) ? v : Math.Max(value[m], v); break;
                        case OutcomeKind.MinFrom when month >= outcome.Month: value[m] = double.IsNaN(value[m]) ? v : Math.Min(value[m], v); break;
                        case OutcomeKind.FirstBelow when double.IsNaN(value[m]) && v < outcome.Threshold: value[m] = monthIndex; break;
                        case OutcomeKind.FirstAbove when double.IsNaN(value[m]) && v > outcome.Threshold: value[m] = monthIndex; break;
                    }
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(_path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync("member," + string.Join(',', _outcomes.Select(o => o.Name)));
        var line = new StringBuilder();
        for (int m = 0; m < Math.Max(_members, 0); m++)
        {
            line.Clear().Append(m.ToString(CultureInfo.InvariantCulture));
            for (int o = 0; o < _outcomes.Count; o++) line.Append(',').Append(Format(_outcomes[o], _value[o][m]));
            await writer.WriteLineAsync(line, cancellation);
        }
    }

    /// <summary>How one member's outcome is written.</summary>
    public string Format(Outcome o, double v) => o.IsMonth
        ? double.IsNaN(v) ? Never : (_start + (int)v).ToString()
        : double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
