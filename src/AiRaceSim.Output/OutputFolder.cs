using System.Globalization;
using AiRaceSim.Scenarios;

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
    private bool _committed, _kept, _released, _createdParent;

    private OutputFolder(string destination, string temporary, FileStream lockFile, string lockPath) =>
        (Destination, Temporary, _lock, _lockPath) = (destination, temporary, lockFile, lockPath);

    /// <summary>Takes the destination for this run, or throws <see cref="OutputFolderException"/> saying what is in the way.</summary>
    /// <param name="keep">Paths the destination must not hold (the current folder, the scenario files).</param>
    /// <param name="resume">
    /// Take over the interrupted run of this destination that left checkpoints (`airace run --resume`), as the temporary folder;
    /// without it, a destination with such a run is refused, so that its checkpoints are not lost by mistake.
    /// </param>
    public static OutputFolder Take(string destination, IEnumerable<string> keep, bool resume = false)
    {
        var full = OutputDestination.Check(destination, keep);
        var parent = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        bool createdParent = !Directory.Exists(parent);
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
        var folder = new OutputFolder(full, Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}"), lockFile, lockPath)
        {
            _createdParent = createdParent,
        };
        // Registered before the folder exists, so a stop by signal at any point removes what there is.
        lock (Gate) Open.Add(folder);
        try
        {
            // Checked again under the lock: another run may have just replaced the folder.
            OutputDestination.Check(destination, keep);
            RemoveStale(parent, name);
            var interrupted = InterruptedRuns(parent, name);
            if (!resume && interrupted.Count > 0)
                throw new OutputFolderException(
                    $"'{Excerpt.OfPath(destination)}' has an interrupted run with checkpoints ('{Path.GetFileName(interrupted[0])}'): " +
                    $"continue it with `airace run --resume {Excerpt.OfPath(destination)}`, or remove that folder to start again");
            if (resume)
            {
                Directory.Move(TheInterrupted(destination, interrupted), folder.Temporary);
                folder._kept = true; // taken over, never removed: whatever happens, its checkpoints stay for another attempt
            }
            else Directory.CreateDirectory(folder.Temporary);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folder.Dispose();
            throw new OutputFolderException($"cannot write in '{parent}': {Reason(e)}");
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public string PathOf(string file) => Path.Combine(Temporary, file);

    /// <summary>
    /// The partial folder of the interrupted run of <paramref name="destination"/> that left checkpoints (read before it is
    /// taken over), or <see cref="OutputFolderException"/> when there is none, or more than one.
    /// </summary>
    public static string Interrupted(string destination)
    {
        var full = OutputDestination.Check(destination, []);
        return TheInterrupted(destination, InterruptedRuns(Path.GetDirectoryName(full)!, Path.GetFileName(full)));
    }

    private static string TheInterrupted(string destination, List<string> interrupted) => interrupted.Count switch
    {
        0 => throw new OutputFolderException(
            $"'{Excerpt.OfPath(destination)}' has no interrupted run to resume (a run keeps its checkpoints only with --checkpoints)"),
        1 => interrupted[0],
        _ => throw new OutputFolderException(
            $"'{Excerpt.OfPath(destination)}' has {interrupted.Count} interrupted runs ({string.Join(", ", interrupted.Select(Path.GetFileName))}); remove all but the one to resume"),
    };

    /// <summary>Partial folders of this destination whose process is gone and that hold checkpoints to resume from.</summary>
    private static List<string> InterruptedRuns(string parent, string name) =>
        Directory.Exists(parent)
            ? OwnFolders(parent, name).Where(f => f.Kind == "partial" && Abandoned(f.Folder) && RunCheckpoint.Resumable(f.Folder))
                .Select(f => f.Folder).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Keeps the temporary folder when the run does not complete: it holds checkpoints that `airace run --resume` continues from (false: no longer).</summary>
    public void KeepForResume(bool keep = true)
    {
        lock (Gate) _kept = keep;
    }

    /// <summary>Moves the complete output into place; an earlier output there is replaced as a whole.</summary>
    public void Commit()
    {
        lock (Gate)
        {
            if (_released) throw new OperationCanceledException("the run was stopped");
            // The user may have put a file into the old folder while the run went on: keep both, visibly.
            if (Directory.Exists(Destination) && OutputDestination.InTheWay(Destination) is { } problem)
            {
                var kept = Path.Combine(Path.GetDirectoryName(Destination)!, $"{Path.GetFileName(Destination)}.new-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
                Directory.Move(Temporary, kept);
                _kept = true;
                Close();
                throw new OutputFolderException($"'{Destination}' {problem}; the new output is in '{kept}'");
            }
            string? old = null;
            if (Directory.Exists(Destination))
            {
                old = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.Move(Destination, old);
            }
            try
            {
                Directory.Move(Temporary, Destination);
            }
            catch
            {
                if (old is not null) Directory.Move(old, Destination); // the earlier output back where it was
                throw;
            }
            _committed = true;
            if (old is not null) TryDelete(old); // a leftover .old folder is removed by the next run
            Close();
        }
    }

    public void Dispose()
    {
        lock (Gate) Close();
    }

    /// <summary>
    /// Removes every uncommitted folder of this process (but those kept for resuming) and releases its locks: for a stop
    /// by signal. Returns the destinations whose interrupted run was kept to be resumed.
    /// </summary>
    public static IReadOnlyList<string> AbandonAll()
    {
        lock (Gate)
        {
            var resumable = Open.Where(f => f._kept && !f._committed).Select(f => f.Destination).Order(StringComparer.Ordinal).ToList();
            foreach (var f in Open.ToList()) f.Close();
            return resumable;
        }
    }

    private void Close()
    {
        if (_released) return;
        _released = true;
        Open.Remove(this);
        if (!_committed && !_kept)
        {
            // A writer may still be adding a file: try twice.
            if (!TryDelete(Temporary)) TryDelete(Temporary);
        }
        _lock.Dispose();
        // The lock file stays (removing it could let two runs lock two files), unless this run made the parent folder.
        if (_createdParent && !_committed && !_kept)
        {
            try
            {
                File.Delete(_lockPath);
                if (!Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(_lockPath)!).Any()) Directory.Delete(Path.GetDirectoryName(_lockPath)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static FileStream Lock(string lockPath, string destination)
    {
        try
        {
            // FileShare.None holds an exclusive advisory lock (flock) until the stream is closed or the process dies.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new OutputFolderException($"another airace run{Holder(lockPath)} is writing to '{Excerpt.OfPath(destination)}'; wait for it to finish or give another --out");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot write in '{Path.GetDirectoryName(lockPath)}': {Reason(e)}");
        }
    }

    /// <summary>" (process N)" for the run holding the lock, found by its partial folder (the locked file cannot be read).</summary>
    private static string Holder(string lockPath)
    {
        string parent = Path.GetDirectoryName(lockPath)!, name = Path.GetFileName(lockPath)[1..^".lock".Length];
        foreach (var (_, _, pid) in OwnFolders(parent, name))
            if (Alive(pid)) return $" (process {pid.ToString(CultureInfo.InvariantCulture)})";
        return "";
    }

    /// <summary>This destination's partial and old folders (.name.partial-PID-guid, .name.old-PID-guid) with their process ids.</summary>
    private static List<(string Folder, string Kind, int Pid)> OwnFolders(string parent, string name)
    {
        var found = new List<(string, string, int)>();
        try
        {
            // Matched by prefix, not by a search pattern: a '*' or '?' in the name is no wildcard.
            foreach (var dir in Directory.EnumerateDirectories(parent, ".*"))
            {
                string file = Path.GetFileName(dir);
                foreach (var kind in new[] { "partial", "old" })
                {
                    string prefix = $".{name}.{kind}-";
                    if (!file.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    if (int.TryParse(file[prefix.Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) found.Add((dir, kind, pid));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot read the folder '{parent}': {Reason(e)}");
        }
        return found;
    }

    /// <summary>Partial and old folders of this destination that no run owns (a kill -9 leaves them), except interrupted runs with checkpoints.</summary>
    private static void RemoveStale(string parent, string name)
    {
        foreach (var (dir, kind, _) in OwnFolders(parent, name))
            if (Abandoned(dir) && !(kind == "partial" && RunCheckpoint.Resumable(dir))) TryDelete(dir);
    }

    /// <summary>
    /// Whether a folder of this destination is no run's: asked only under the destination's lock, which every run holds
    /// while it writes, so it is unless it is one of this process's open folders. (Not by its process id: in a
    /// container every run is process 1, and a dead run's id may be another process's by now.)
    /// </summary>
    private static bool Abandoned(string dir)
    {
        lock (Gate) return !Open.Any(f => string.Equals(f.Temporary, dir, StringComparison.Ordinal));
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
