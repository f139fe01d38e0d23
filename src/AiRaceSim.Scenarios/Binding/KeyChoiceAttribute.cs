namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Among the listed properties (C# names), exactly one (or at least one) must be given: an
/// event's action, a rule's below/above. The binder checks it; the schema says it with oneOf/anyOf.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class KeyChoiceAttribute(string what, bool exactlyOne, params string[] members) : Attribute
{
    public string What { get; } = what;
    public bool ExactlyOne { get; } = exactlyOne;
    public IReadOnlyList<string> Members { get; } = members;
}
