using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Parameters;

/// <summary>How the kernel uses a parameter's value.</summary>
public enum ParameterUse
{
    /// <summary>Drawn once per member at setup, from the world's stream at <see cref="Parameter.Slot"/>.</summary>
    PerMember,
    /// <summary>Kept as a distribution: the kernel draws from it at each event (a breakthrough's size).</summary>
    PerEvent,
    /// <summary>A whole number, the same in every member (it sizes the state, so it cannot vary).</summary>
    WholeNumber,
}

/// <summary>The values a parameter may take: [Min, Max], with open ends where marked.</summary>
public sealed record ParameterRange(double Min, double Max, bool MinExclusive = false, bool MaxExclusive = false);

/// <summary>
/// One world-wide parameter: its scenario key, symbol and unit, the kernel's default, the range a
/// scenario may set, what it means and where it enters (an equation id of docs/MODEL.md).
/// </summary>
/// <param name="Index">Its place in <see cref="ParameterCatalog.All"/>: the scenario key order.</param>
/// <param name="Slot">The world's draw slot of a per-member parameter (0 otherwise). Never renumbered:
/// a new parameter takes the next free slot wherever it is listed, so every other draw stays.</param>
public sealed record Parameter(
    int Index, string Key, string Symbol, string Unit, Distribution Default, ParameterRange Range,
    string Meaning, string Equation, ParameterUse Use, int Slot)
{
    public bool IsWholeNumber => Use == ParameterUse.WholeNumber;

    /// <summary>"Z50: research stock at which absorption γ is 0.5 (M$; A1)." — the schema's text.</summary>
    public string Description
    {
        get
        {
            string meaning = Symbol.Length > 0 ? $"{Symbol}: {Meaning}" : char.ToUpperInvariant(Meaning[0]) + Meaning[1..];
            return $"{meaning} ({(Unit is "" or "–" ? "" : Unit + "; ")}{Equation}).";
        }
    }

    public override string ToString() => Key;
}
