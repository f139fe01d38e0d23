using System.Text.Json.Nodes;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// A node of a scenario file with the file (as shown in errors) and 1-based position it was
/// written at. After <c>extends</c> merging, one tree holds nodes of several files.
/// </summary>
internal abstract class YNode(string file, int line, int column)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>What the node is, for messages: "a map", "a list", "'abc'".</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="Plain"/> is false for quoted and block scalars, which are always text.</summary>
internal sealed class YScalar(string file, int line, int column, string value, bool plain) : YNode(file, line, column)
{
    public string Value { get; } = value;
    public bool Plain { get; } = plain;

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The value as the binder read it (number, text, boolean), for the resolved JSON.</summary>
    public JsonNode? Typed { get; set; }

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Excerpt.Of(Value)}'";
}

internal sealed class YSequence(string file, int line, int column, List<YNode> items) : YNode(file, line, column)
{
    public List<YNode> Items { get; } = items;
    public override string Describe() => "a list";
}

internal sealed record YEntry(YScalar Key, YNode Value);

/// <summary>A map whose keys are plain text, in file order.</summary>
internal sealed class YMap(string file, int line, int column, List<YEntry> entries) : YNode(file, line, column)
{
    public List<YEntry> Entries { get; } = entries;

    public YEntry? Find(string key) => Entries.Find(e => e.Key.Value == key);

    public YNode? Get(string key) => Find(key)?.Value;

    /// <summary>The text of a scalar entry, if the key holds one.</summary>
    public string? Text(string key) => Get(key) is YScalar { IsNull: false } s ? s.Value : null;

    public override string Describe() => "a map";
}
