using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Parameters;

/// <summary>
/// The world-wide parameters of a scenario, each a value or a distribution over members, one per
/// entry of <see cref="ParameterCatalog"/> (which holds the defaults; docs/MODEL.md their sources).
/// Immutable: <see cref="With(Parameter, Distribution)"/> returns a copy with one value replaced.
/// </summary>
public sealed class GlobalParameters : IEquatable<GlobalParameters>
{
    private readonly Distribution[] _values;

    /// <summary>Every parameter at its default.</summary>
    public GlobalParameters() => _values = ParameterCatalog.All.Select(p => p.Default).ToArray();

    private GlobalParameters(Distribution[] values) => _values = values;

    public Distribution this[Parameter p] => _values[p.Index];

    /// <summary>L_pub as a whole number: the kernel sizes its history by it (A2).</summary>
    public int PublicationLagMonths => (int)((Fixed)this[ParameterCatalog.PublicationLagMonths]).Value;

    /// <summary>A copy with one parameter replaced; a whole-number parameter takes a fixed whole number.</summary>
    public GlobalParameters With(Parameter p, Distribution value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!ReferenceEquals(ParameterCatalog.All[p.Index], p)) throw new ArgumentException($"'{p.Key}' is not a catalog parameter");
        if (p.IsWholeNumber && !(value is Fixed f && f.Value == Math.Floor(f.Value)))
            throw new ArgumentException($"{p.Key} is a whole number, the same in every member; got {value}");
        var copy = (Distribution[])_values.Clone();
        copy[p.Index] = value;
        return new GlobalParameters(copy);
    }

    /// <summary>A copy with the parameter of this scenario key replaced.</summary>
    public GlobalParameters With(string key, Distribution value) =>
        With(ParameterCatalog.Find(key) ?? throw new ArgumentException($"no global parameter '{key}'"), value);

    public bool Equals(GlobalParameters? other) => other is not null && _values.SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as GlobalParameters);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var v in _values) h.Add(v);
        return h.ToHashCode();
    }

    public override string ToString() =>
        string.Join(", ", ParameterCatalog.All.Select(p => $"{p.Key} = {this[p]}"));
}
