using System.Reflection;
using System.Text;
using System.Text.Json;

namespace AiRaceSim.Output;

/// <summary>
/// <c>manifest.json</c>: what was run and how — scenario files and their hashes, the fully resolved
/// scenario, seed, members, blocks, the project's version and commit, and the start and end time
/// (the only part of a run's output that is not a function of its inputs).
/// </summary>
public sealed record RunManifest
{
    public required string Scenario { get; init; }
    public required IReadOnlyList<(string Path, string Sha256)> Files { get; init; }
    public required string ResolvedScenarioJson { get; init; }
    public required ulong Seed { get; init; }
    public required int Members { get; init; }
    public required int BlockSize { get; init; }
    public required int Blocks { get; init; }
    public required IReadOnlyList<string> OutputFiles { get; init; }
    public required int SeriesWritten { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }

    /// <summary>The informational version the SDK stamps as "version+commit".</summary>
    public static (string Version, string Commit) ProjectVersion()
    {
        var text = typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = text.IndexOf('+');
        return plus < 0 ? (text, "unknown") : (text[..plus], text[(plus + 1)..]);
    }

    public void Write(string path)
    {
        var (version, commit) = ProjectVersion();
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", Scenario);
        json.WriteStartArray("files");
        foreach (var (file, sha) in Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file);
            json.WriteString("sha256", sha);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("seed", Seed);
        json.WriteNumber("members", Members);
        json.WriteNumber("block", BlockSize);
        json.WriteNumber("blocks", Blocks);
        json.WriteString("version", version);
        json.WriteString("commit", commit);
        json.WriteStartArray("outputs");
        foreach (var o in OutputFiles) json.WriteStringValue(o);
        json.WriteEndArray();
        json.WriteNumber("series_written", SeriesWritten);
        json.WriteString("started_utc", Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("finished_utc", Finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WritePropertyName("resolved_scenario");
        json.WriteRawValue(Encoding.UTF8.GetBytes(ResolvedScenarioJson));
        json.WriteEndObject();
    }
}
