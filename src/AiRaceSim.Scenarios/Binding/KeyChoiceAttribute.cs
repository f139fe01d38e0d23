namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Among the listed properties (C# names), exactly one (or at least one) must be given: an
/// event's action, a rule's below/above. The binder checks it; the schema says it with oneOf/anyOf.
/// With no members listed, the choice is among the action keys the type holds, in the order of
/// the action catalog (so the list of actions is not written again here).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class KeyChoiceAttribute(string what, bool exactlyOne, params string[] members) : Attribute
{
    public string What { get; } = what;
    public bool ExactlyOne { get; } = exactlyOne;

    /// <summary>The YAML keys to choose among, on the given document type.</summary>
    public IReadOnlyList<string> Keys(Type type) => members.Length > 0
        ? members.Select(m => DocumentModel.Key(type, m)).ToList()
        : Documents.ActionVocabulary.Keys(type).Select(p => p.Key).ToList();
}
