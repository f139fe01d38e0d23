using Orleans.Serialization;
using Orleans.Storage;

namespace AiRaceSim.Silo;

/// <summary>
/// Grain storage in one folder of this machine, a file per grain and state written whole and then renamed
/// into place (a crash leaves the last complete one): the checkpoints of a local run, kept beside its partial
/// output so that `airace run --resume` finds them. One process writes a folder, so ETags are not checked.
/// </summary>
public sealed class FolderGrainStorage(string folder, Serializer serializer) : IGrainStorage
{
    public string Folder { get; } = folder;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            return;
        }
        grainState.State = serializer.Deserialize<T>(await File.ReadAllBytesAsync(path));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(stateName, grainId);
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(serializer.SerializeToArray(grainState.State));
            file.Flush(flushToDisk: true); // on the disk before the run's progress names this checkpoint
        }
        File.Move(partial, path, overwrite: true);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(PathOf(stateName, grainId));
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A file name from the grain's id (its run, block and actor), one per id, that no id can turn into a path elsewhere:
    /// escaped for a URI, then '~' (which escaping keeps) as ~7E and each %XX as ~XX.
    /// </summary>
    private string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(Folder, Uri.EscapeDataString(grainId.ToString()).Replace("~", "%7E", StringComparison.Ordinal)
            .Replace("%", "~", StringComparison.Ordinal) + "." + stateName);
}
