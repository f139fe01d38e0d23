namespace AiRaceSim.Output;

/// <summary>
/// Writes a run's files into a hidden temporary folder beside the destination and moves it into
/// place only when every file is complete: a failed or cancelled run leaves no partial folder.
/// A destination that already exists is replaced as a whole.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public string Destination { get; }
    public string Temporary { get; }
    private bool _committed;

    private OutputFolder(string destination, string temporary) => (Destination, Temporary) = (destination, temporary);

    public static OutputFolder Create(string destination)
    {
        var full = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"'{destination}' has no parent folder");
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        return new OutputFolder(full, temporary);
    }

    public string PathOf(string file) => Path.Combine(Temporary, file);

    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Destination))
        {
            old = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.old-{Guid.NewGuid():N}");
            Directory.Move(Destination, old);
        }
        Directory.Move(Temporary, Destination);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Temporary)) Directory.Delete(Temporary, recursive: true);
    }
}
