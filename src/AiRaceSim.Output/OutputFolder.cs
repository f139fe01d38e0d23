using System.Globalization;

namespace AiRaceSim.Output;

/// <summary>
/// A run's output folder. <see cref="Take"/> checks the destination before anything runs, takes a
/// lock on it (a second run into it is refused, not raced), removes partial folders that dead runs
/// left, and fills a hidden temporary folder that <see cref="Commit"/> moves into place only when
/// every file is complete. An existing folder is replaced only when it is an earlier output
/// holding nothing its manifest does not list (<see cref="OutputDestination"/>).
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private static readonly object Gate = new();
    private static readonly HashSet<OutputFolder> Open = [];

    public string Destination { get; }
    public string Temporary { get; }
    private readonly FileStream _lock;
    private readonly string _lockPath;
    private bool _committed, _kept, _released;

    private OutputFolder(string destination, string temporary, FileStream lockFile, string lockPath) =>
        (Destination, Temporary, _lock, _lockPath) = (destination, temporary, lockFile, lockPath);

    /// <summary>Takes the destination for this run, or throws <see cref="OutputFolderException"/> saying what is in the way.</summary>
    /// <param name="keep">Paths the destination must not hold (the current folder, the scenario files).</param>
    public static OutputFolder Take(string destination, IEnumerable<string> keep)
    {
        var full = OutputDestination.Check(destination, keep);
        var parent = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string why = File.Exists(parent) || (!Directory.Exists(parent) && Path.Exists(parent)) ? "it is a file, not a folder" : Reason(e);
            throw new OutputFolderException($"cannot create the folder '{parent}': {why}");
        }
        var lockPath = Path.Combine(parent, $".{name}.lock");
        var lockFile = Lock(lockPath, destination);
        try
        {
            // Checked again under the lock: another run may have just replaced the folder.
            OutputDestination.Check(destination, keep);
            RemoveStale(parent, name);
            var temporary = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException($"cannot write in '{parent}': {Reason(e)}");
            }
            var folder = new OutputFolder(full, temporary, lockFile, lockPath);
            lock (Gate) Open.Add(folder);
            return folder;
        }
        catch
        {
            Release(lockFile, lockPath);
            throw;
        }
    }

    public string PathOf(string file) => Path.Combine(Temporary, file);

    /// <summary>Moves the complete output into place; an earlier output there is replaced as a whole.</summary>
    public void Commit()
    {
        lock (Gate)
        {
            if (_released) throw new OperationCanceledException("the run was stopped");
            // The user may have put a file into the old folder while the run went on.
            if (Directory.Exists(Destination) && OutputDestination.InTheWay(Destination) is { } problem)
            {
                _kept = true;
                Close();
                throw new OutputFolderException($"'{Destination}' {problem}; the new output is kept in '{Temporary}'");
            }
            string? old = null;
            if (Directory.Exists(Destination))
            {
                old = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.Move(Destination, old);
            }
            Directory.Move(Temporary, Destination);
            _committed = true;
            if (old is not null) Directory.Delete(old, recursive: true);
            Close();
        }
    }

    public void Dispose()
    {
        lock (Gate) Close();
    }

    /// <summary>Removes every uncommitted folder of this process and releases its locks: for a stop by signal.</summary>
    public static void AbandonAll()
    {
        lock (Gate)
            foreach (var f in Open.ToList()) f.Close();
    }

    private void Close()
    {
        if (_released) return;
        _released = true;
        Open.Remove(this);
        if (!_committed && !_kept)
        {
            try { Directory.Delete(Temporary, recursive: true); } catch (DirectoryNotFoundException) { }
        }
        Release(_lock, _lockPath);
    }

    private static FileStream Lock(string lockPath, string destination)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            FileStream stream;
            try
            {
                // FileShare.None holds an exclusive advisory lock (flock) until the stream is closed or the process dies.
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                throw new OutputFolderException($"another airace run{Holder(lockPath)} is writing to '{destination}'; wait for it to finish or give another --out");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputFolderException($"cannot write in '{Path.GetDirectoryName(lockPath)}': {Reason(e)}");
            }
            // A run that finished just now may have removed the file we opened: lock the one at the path.
            if (!File.Exists(lockPath)) { stream.Dispose(); continue; }
            return stream;
        }
        throw new OutputFolderException($"cannot lock '{lockPath}': it keeps disappearing; is another run starting?");
    }

    private static void Release(FileStream lockFile, string lockPath)
    {
        try { File.Delete(lockPath); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        lockFile.Dispose();
    }

    /// <summary>" (process N)" for the run holding the lock, found by its partial folder (the locked file cannot be read).</summary>
    private static string Holder(string lockPath)
    {
        string parent = Path.GetDirectoryName(lockPath)!, name = Path.GetFileName(lockPath)[1..^".lock".Length];
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.partial-*"))
                if (Pid(dir, name) is { } pid && Alive(pid)) return $" (process {pid.ToString(CultureInfo.InvariantCulture)})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return "";
    }

    /// <summary>The process id in a partial or old folder's name (.name.partial-PID-guid), or null.</summary>
    private static int? Pid(string folder, string name)
    {
        string rest = Path.GetFileName(folder)[(name.Length + 2)..];
        int dash = rest.IndexOf('-');
        if (dash < 0 || rest[..dash] is not ("partial" or "old")) return null;
        return int.TryParse(rest[(dash + 1)..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    /// <summary>Partial and old folders of this destination whose process is gone (a kill -9 leaves them).</summary>
    private static void RemoveStale(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            if (Pid(dir, name) is not { } pid || Alive(pid)) continue;
            try { Directory.Delete(dir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    internal static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it takes no new files (a special file system such as /proc?)",
        PathTooLongException => "the path is too long",
        _ => e.Message.TrimEnd('.'),
    };
}

/// <summary>The destination cannot be used, or the output could not be put there: the message says why.</summary>
public sealed class OutputFolderException(string message) : Exception(message);
