namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Marks a document type as a named thing (firm, country, event…), so messages say
/// "in firm 'openai'" rather than a path. The name comes from <see cref="NameKey"/>, else the
/// <c>date</c>, else the position in its list.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class EntityAttribute(string noun) : Attribute
{
    public string Noun { get; } = noun;
    public string NameKey { get; init; } = "id";
}
