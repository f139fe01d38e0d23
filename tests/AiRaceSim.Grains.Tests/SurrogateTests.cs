using System.Collections;
using AiRaceSim.Contracts;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AiRaceSim.Grains.Tests;

/// <summary>
/// Every message of the kernel that crosses silos comes back from Orleans' serializer as it went (bit for bit, NaN and
/// infinities included), and its per-member arrays travel as raw bytes: about 8 bytes a value, not 9 or more.
/// </summary>
public class SurrogateTests
{
    private const int Members = 500;
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(HomePolicyConverter).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    /// <summary>A world of the policy test scenario 40 months in (after the export controls, licensing pending), its state as messages.</summary>
    private static readonly BlockSimulation Sim = Stepped();
    private static readonly SeriesBatch Batch = Sim.TakeSeries() ?? throw new InvalidOperationException("nothing recorded");

    private static BlockSimulation Stepped()
    {
        var sim = new BlockSimulation(TestWorlds.WithPolicy(months: 48), 0, Members, new SeriesCatalog(TestWorlds.WithPolicy(months: 48)));
        sim.Step(40);
        return sim;
    }

    public static TheoryData<string> Messages => ["HomePolicy", "CountryReport", "FirmInputs", "FirmInputs-entry", "FirmReport", "RuleDecision", "GapBoard", "SeriesBatch"];

    private static object Build(string name)
    {
        var cn = Sim.Countries[1];
        var view = Sim.World.View;
        switch (name)
        {
            case "HomePolicy": return HomePolicy.Of(cn);
            case "CountryReport": return CountryReport.Of(cn);
            case "FirmInputs": return FirmInputs.For(view, 0, 0);
            case "FirmInputs-entry":
                // An entry level present, with a NaN, an infinity and a negative zero in it.
                var entry = Enumerable.Range(0, Members).Select(m => m switch { 0 => double.NaN, 1 => double.NegativeInfinity, 2 => -0.0, _ => m * 0.1 }).ToArray();
                return FirmInputs.For(view, 0, 0) with { EntryLevel = entry };
            case "FirmReport": return FirmReport.Of(Sim.Firms[2]);
            case "RuleDecision": return new RuleDecision(1, Enumerable.Range(0, Members).Select(m => m % 3 == 0).ToArray());
            case "GapBoard": return Sim.World.Gaps;
            default: return Batch;
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_comes_back_from_the_wire_bit_for_bit(string name)
    {
        var message = Build(name);
        var back = Serializer.Deserialize<object>(Serializer.SerializeToArray(message));
        Assert.IsType(message.GetType(), back);
        AssertSame(message, back, name);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_messages_per_member_arrays_cross_as_raw_bytes(string name)
    {
        var message = Build(name);
        int bytes = Serializer.SerializeToArray(message).Length;
        var (raw, arrays) = RawSize(message);
        Assert.True(arrays >= 1 && raw >= Members, $"{name}: {arrays} arrays of {raw} bytes");
        // Element by element each value takes a field header besides its bytes (a double at least 9): raw, a few bytes an array.
        Assert.InRange(bytes, raw, raw + 16 * arrays + 256);
    }

    /// <summary>The bytes of a message's per-member arrays as they lie in memory, and how many arrays.</summary>
    private static (int Bytes, int Arrays) RawSize(object? value) => value switch
    {
        null or string => (0, 0),
        double[] d => (8 * d.Length, 1),
        int[] i => (4 * i.Length, 1),
        bool[] b => (b.Length, 1),
        TeacherBoard t => RawSize(t.Contents()),
        System.Runtime.CompilerServices.ITuple tuple => Sum(Enumerable.Range(0, tuple.Length).Select(i => tuple[i])),
        Array or IList => Sum(((IEnumerable)value).Cast<object?>()),
        _ when value.GetType().IsPrimitive => (0, 0),
        _ => Sum(value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => p.GetValue(value))
            .Concat(value.GetType().GetFields().Select(f => f.GetValue(value)))),
    };

    private static (int, int) Sum(IEnumerable<object?> parts) =>
        parts.Select(RawSize).Aggregate((0, 0), (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2));

    /// <summary>Records compared property by property, arrays element by element (doubles by their bits), teacher boards by their contents.</summary>
    private static void AssertSame(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null: Assert.Null(actual); return;
            case double d: Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual!), $"{path}: {d} became {actual}"); return;
            case string or int or bool or long: Assert.Equal(expected, actual); return;
            case TeacherBoard t: AssertSame(t.Contents(), ((TeacherBoard)actual!).Contents(), path + ".Teachers"); return;
            case System.Runtime.CompilerServices.ITuple tuple:
                var other = (System.Runtime.CompilerServices.ITuple)actual!;
                for (int i = 0; i < tuple.Length; i++) AssertSame(tuple[i], other[i], $"{path}.Item{i + 1}");
                return;
            case IEnumerable items when expected is Array or IList:
                var a = items.Cast<object?>().ToList();
                var b = ((IEnumerable)actual!).Cast<object?>().ToList();
                Assert.True(a.Count == b.Count, $"{path}: {a.Count} elements became {b.Count}");
                for (int i = 0; i < a.Count; i++) AssertSame(a[i], b[i], $"{path}[{i}]");
                return;
        }
        var type = expected.GetType();
        Assert.Equal(type, actual!.GetType());
        var members = type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, Get: (Func<object, object?>)p.GetValue))
            .Concat(type.GetFields().Select(f => (f.Name, Get: (Func<object, object?>)f.GetValue))).ToList();
        Assert.NotEmpty(members);
        foreach (var (memberName, get) in members) AssertSame(get(expected), get(actual), $"{path}.{memberName}");
    }
}
