using System.Text.Json;

namespace AiRaceSim.Output;

/// <summary>
/// What a checkpointed run is: enough to load the same scenario again (its file and the overrides given on the
/// command line, null where none was) and give its worlds the same names.
/// </summary>
public sealed record RunFacts(
    string Scenario, string ResolvedSha256, int? Members, ulong? Seed, int? Block, string Format, bool Report,
    string RunId, int SliceMonths, DateTimeOffset Started);

/// <summary>How far a checkpointed run's written output has got: months done, and each writer's checkpoint by file.</summary>
public sealed record RunProgressCheckpoint(int MonthsDone, Dictionary<string, byte[]> Writers);

/// <summary>
/// The checkpoints of a local run (`airace run --checkpoints`), in <c>checkpoint/</c> of its partial output folder:
/// <c>run.json</c> (what the run is, written as it starts), <c>progress.json</c> (how far the written output has got,
/// replaced whole after each slice) and <c>worlds/</c> (the worlds' own checkpoints, the embedded silo's grain
/// storage). A folder with a progress.json is an interrupted run that `airace run --resume` continues; a completed
/// run removes its checkpoints before its output is moved into place.
/// </summary>
public sealed class RunCheckpoint
{
    public const string Folder = "checkpoint";
    private const string FactsFile = "run.json", ProgressFile = "progress.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private readonly OutputFolder _output;
    public string Root { get; }
    public RunFacts Facts { get; }
    /// <summary>Where the run had got when it stopped (a resumed run), or null (a new one).</summary>
    public RunProgressCheckpoint? Resumed { get; }
    /// <summary>Months whose output is written and checkpointed (0 until the first slice).</summary>
    public int MonthsDone { get; private set; }

    private RunCheckpoint(OutputFolder output, RunFacts facts, RunProgressCheckpoint? resumed) =>
        (_output, Root, Facts, Resumed, MonthsDone) = (output, Path.Combine(output.Temporary, Folder), facts, resumed, resumed?.MonthsDone ?? 0);

    /// <summary>The worlds' checkpoints (the embedded silo's grain storage folder).</summary>
    public string Worlds => Path.Combine(Root, "worlds");

    /// <summary>Starts the checkpoints of a new run in its temporary output folder.</summary>
    public static RunCheckpoint Begin(OutputFolder output, RunFacts facts)
    {
        var checkpoint = new RunCheckpoint(output, facts, null);
        Directory.CreateDirectory(checkpoint.Root);
        WriteWhole(Path.Combine(checkpoint.Root, FactsFile), JsonSerializer.SerializeToUtf8Bytes(facts, Json));
        return checkpoint;
    }

    /// <summary>Whether <paramref name="outputFolder"/> holds an interrupted run that can go on.</summary>
    public static bool Resumable(string outputFolder) => File.Exists(Path.Combine(outputFolder, Folder, ProgressFile));

    /// <summary>What the interrupted run in <paramref name="folder"/> (its partial folder) is, or <see cref="InvalidDataException"/>.</summary>
    public static RunFacts ReadFacts(string folder)
    {
        var root = Path.Combine(folder, Folder);
        try
        {
            return JsonSerializer.Deserialize<RunFacts>(File.ReadAllBytes(Path.Combine(root, FactsFile)), Json)
                ?? throw new InvalidDataException($"{FactsFile} is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the checkpoints in '{root}' cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The checkpoints of an interrupted run taken over as <paramref name="output"/>, or <see cref="InvalidDataException"/> saying what is wrong with them.</summary>
    public static RunCheckpoint Open(OutputFolder output)
    {
        var root = Path.Combine(output.Temporary, Folder);
        var facts = ReadFacts(output.Temporary);
        try
        {
            var progress = JsonSerializer.Deserialize<RunProgressCheckpoint>(File.ReadAllBytes(Path.Combine(root, ProgressFile)), Json)
                ?? throw new InvalidDataException($"{ProgressFile} is empty");
            output.KeepForResume(); // whatever happens now, the checkpoints stay for another attempt
            return new RunCheckpoint(output, facts, progress);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the checkpoints in '{root}' cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Records that the output is written through <paramref name="monthsDone"/> months, with each writer's checkpoint.</summary>
    public void Record(int monthsDone, Dictionary<string, byte[]> writers)
    {
        WriteWhole(Path.Combine(Root, ProgressFile), JsonSerializer.SerializeToUtf8Bytes(new RunProgressCheckpoint(monthsDone, writers), Json));
        MonthsDone = monthsDone;
        _output.KeepForResume(); // from now on an interrupted run leaves its folder to be resumed, not removed
    }

    /// <summary>Removes the checkpoints (the run is complete, about to be moved into place); the folder is no longer kept if it is not.</summary>
    public void Remove()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        _output.KeepForResume(false);
    }

    /// <summary>Written beside, on the disk, and renamed into place: a crash or a power cut leaves the earlier file whole.</summary>
    private static void WriteWhole(string path, byte[] bytes)
    {
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(partial, path, overwrite: true);
    }
}
