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
    /// <summary>What every airace output folder's manifest says it is: a folder is replaced only when its manifest says so.</summary>
    public const string Format = "airace-run";
    public const int FormatVersion = 1;

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

    /// <summary>
    /// The files an earlier output folder's manifest lists (paths relative to the folder, '/'
    /// separated), or why the manifest does not make it one.
    /// </summary>
    public static (IReadOnlyList<string>? Outputs, string? Problem) ReadOutputs(string manifestPath)
    {
        // A manifest.json that is a FIFO or a link to /dev/zero must not hang the check or fill memory.
        var (bytes, unreadable) = AiRaceSim.Scenarios.Yaml.InputFile.Read(manifestPath, LargestManifest);
        if (bytes is null) return (null, $"its manifest.json cannot be read as an airace manifest ({unreadable})");
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
                return (null, "its manifest.json is not an airace run manifest (no \"format\": \"airace-run\")");
            if (!root.TryGetProperty("format_version", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int v) || v < 1 || v > FormatVersion)
                return (null, $"its manifest.json has a format_version this airace does not know (it knows 1..{FormatVersion})");
            if (!root.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array
                || outputs.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String))
                return (null, "its manifest.json has no list of output file names");
            return (outputs.EnumerateArray().Select(o => o.GetString()!).ToList(), null);
        }
        catch (JsonException)
        {
            return (null, "its manifest.json is not valid JSON");
        }
    }

    /// <summary>A manifest holds the resolved scenario, which a scenario file's limit bounds; twice that is plenty.</summary>
    private const long LargestManifest = 2 * AiRaceSim.Scenarios.Limits.FileBytes;

    /// <summary>
    /// The manifest of an output folder that is not a run's (gap, a compare report): what wrote it and
    /// the files it holds, so the folder can be replaced by the next such command like a run's.
    /// </summary>
    public static void WriteListing(string folder, string command, IEnumerable<string> files)
    {
        using var stream = File.Create(Path.Combine(folder, "manifest.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteFormat(json);
        json.WriteString("command", command);
        WriteVersion(json);
        WriteOutputs(json, files.Append("manifest.json"));
        json.WriteEndObject();
    }

    /// <summary>What makes a folder recognisably airace's own (<see cref="ReadOutputs"/> checks it).</summary>
    private static void WriteFormat(Utf8JsonWriter json)
    {
        json.WriteString("format", Format);
        json.WriteNumber("format_version", FormatVersion);
    }

    private static void WriteVersion(Utf8JsonWriter json)
    {
        var (version, commit) = ProjectVersion();
        json.WriteString("version", version);
        json.WriteString("commit", commit);
    }

    private static void WriteOutputs(Utf8JsonWriter json, IEnumerable<string> files)
    {
        json.WriteStartArray("outputs");
        foreach (var f in files) json.WriteStringValue(f);
        json.WriteEndArray();
    }

    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteFormat(json);
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
        WriteVersion(json);
        WriteOutputs(json, OutputFiles);
        json.WriteNumber("series_written", SeriesWritten);
        json.WriteString("started_utc", Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("finished_utc", Finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WritePropertyName("resolved_scenario");
        json.WriteRawValue(Encoding.UTF8.GetBytes(ResolvedScenarioJson));
        json.WriteEndObject();
    }
}
