namespace AiRaceSim.Scenarios.Binding;

/// <summary>Where a value sits, for messages: the named thing (firm 'openai') and the key path inside it.</summary>
internal sealed record BindContext(string Entity, string Path)
{
    public static readonly BindContext Top = new("", "");

    public BindContext Child(string key) => this with { Path = Path.Length == 0 ? key : Path + "." + key };

    /// <summary>"at the top level", "in parameters", "in firm 'openai'", "in funding of firm 'openai'".</summary>
    public string Where =>
        Entity.Length == 0 && Path.Length == 0 ? "at the top level"
        : Entity.Length == 0 ? $"in {Path}"
        : Path.Length == 0 ? $"in {Entity}"
        : $"in {Path} of {Entity}";
}

/// <summary>A value being bound: its context, the key it is under, and the range that key allows.</summary>
internal sealed record Site(BindContext Context, string Key, InRangeAttribute? Range);
