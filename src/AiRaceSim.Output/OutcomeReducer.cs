using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Output;

/// <summary>
/// Reduces each member's series to its outcomes (<see cref="Outcome"/>) as the slices stream by
/// (memory: one value per outcome and member). Values: At, MaxFrom, MinFrom the value;
/// FirstBelow/FirstAbove the month index from the start; NaN for no value or never.
/// </summary>
public sealed class OutcomeReducer
{
    private readonly IReadOnlyList<Outcome> _outcomes;
    private readonly int[] _key;
    private readonly Month _start;
    private double[][] _value;

    public OutcomeReducer(IReadOnlyList<SeriesKey> keys, IReadOnlyList<Outcome> outcomes, Month start)
    {
        (_outcomes, _start) = (outcomes, start);
        var index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        _key = outcomes.Select(o => index.TryGetValue(o.Series, out int k) ? k
            : throw new ArgumentException($"outcome '{o.Name}': series {o.Series.Entity}/{o.Series.Metric} is not recorded")).ToArray();
        _value = new double[outcomes.Count][];
    }

    /// <summary>The values so far (a run's checkpoint), for <see cref="Resume"/>.</summary>
    public byte[] Checkpoint()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Members);
            foreach (var values in _value)
                for (int m = 0; m < Members; m++) w.Write(values[m]);
        }
        return stream.ToArray();
    }

    /// <summary>Goes on from a <see cref="Checkpoint"/> of a reducer of the same outcomes.</summary>
    public void Resume(byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        try
        {
            Members = r.ReadInt32();
            _value = _outcomes.Select(_ => Enumerable.Range(0, Members).Select(_ => r.ReadDouble()).ToArray()).ToArray();
            if (r.BaseStream.Position != state.Length) throw new InvalidDataException("the outcomes' checkpoint holds more than its outcomes");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the outcomes' checkpoint is cut short");
        }
    }

    /// <summary>Members seen (every slice holds all of them); 0 before the first slice.</summary>
    public int Members { get; private set; }

    /// <summary>Values[o][m]: outcome o of member m so far.</summary>
    public IReadOnlyList<double[]> Values => _value;

    public void Add(SeriesBatch slice)
    {
        if (Members == 0)
        {
            if (slice.FirstMember != 0) throw new ArgumentException("outcomes need every member in each slice, from member 0");
            Members = slice.Members;
            _value = _outcomes.Select(_ => { var v = new double[Members]; Array.Fill(v, double.NaN); return v; }).ToArray();
        }
        else if (slice.Members != Members) throw new ArgumentException("every slice must hold the same members");
        for (int o = 0; o < _outcomes.Count; o++)
        {
            var outcome = _outcomes[o];
            var value = _value[o];
            int k = _key[o];
            for (int t = 0; t < slice.Months; t++)
            {
                int monthIndex = slice.FirstMonthIndex + t;
                var month = _start + monthIndex;
                for (int m = 0; m < Members; m++)
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
    }
}
