using System.ComponentModel;
using System.Text.Json.Serialization;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Values;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>
/// World-wide parameters: one key per entry of the kernel's <see cref="ParameterCatalog"/>, with
/// its range and description, so the file format adds no list of its own. Each is a param, except
/// a whole-number parameter, which is a plain whole number.
/// </summary>
[Description("World-wide model parameters (docs/MODEL.md gives each one's equation, default and source).")]
internal sealed class ParametersDocument : ITableDocument
{
    private static readonly IReadOnlyList<DocumentProperty> TableKeys = ParameterCatalog.All.Select(Key).ToList();

    private readonly Dictionary<Parameter, Distribution> _given = [];

    /// <summary>The parameters the file sets, with their values.</summary>
    [JsonIgnore] public IReadOnlyDictionary<Parameter, Distribution> Given => _given;

    IReadOnlyList<DocumentProperty> ITableDocument.Keys => TableKeys;

    /// <summary>The range of a parameter as the binder and the schema take it.</summary>
    public static InRangeAttribute Range(Parameter p) =>
        new(p.Range.Min, p.Range.Max) { MinExclusive = p.Range.MinExclusive, MaxExclusive = p.Range.MaxExclusive };

    private static DocumentProperty Key(Parameter p)
    {
        var range = Range(p);
        return new DocumentProperty(p.Key, p.Key, p.IsWholeNumber ? typeof(int?) : typeof(Param), Required: false, range,
            new TableAttributes(new DescriptionAttribute(p.Description), range),
            (doc, value) => ((ParametersDocument)doc)._given[p] = value is int n ? new Fixed(n) : ((Param)value).Value);
    }
}
