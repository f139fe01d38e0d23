using System.Text;
using AiRaceSim.Scenarios;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Output;

/// <summary>
/// Whether a folder may receive a run's output. A run replaces its folder as a whole, so it takes a
/// new folder, an empty one, or an earlier output whose manifest (format and version) lists
/// everything in it; never one that holds the current folder or the scenario files, a link, or a
/// mount point. Checked before any simulation, so a bad --out costs nothing.
/// </summary>
public static class OutputDestination
{
    /// <summary>The longest file or folder name most file systems take, in UTF-8 bytes.</summary>
    public const int LongestName = 255;
    public const int LongestPath = 4000;
    /// <summary>Entries named in a message about what is in the way; looking stops after them.</summary>
    private const int Named = 5;
    /// <summary>Entries looked at in an existing folder at most: an earlier output has a handful.</summary>
    private const int Looked = 10_000;

    /// <summary>The destination's full path, or <see cref="OutputFolderException"/> saying why it cannot be used.</summary>
    public static string Check(string destination, IEnumerable<string> keep)
    {
        if (string.IsNullOrWhiteSpace(destination)) throw Refused(destination, "is empty; give a folder, such as results/baseline");
        string full;
        try { full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination)); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Refused(destination, "is not a valid path");
        }
        if (full.Length > LongestPath) throw Refused(destination, $"is too long ({full.Length} characters; at most {LongestPath})");
        foreach (var part in full.Split(Path.DirectorySeparatorChar))
            if (Encoding.UTF8.GetByteCount(part) > LongestName)
                throw Refused(destination, $"has a name of {Encoding.UTF8.GetByteCount(part)} bytes; names can have at most {LongestName}");
        var parent = Path.GetDirectoryName(full);
        if (parent is null) throw Refused(destination, "is the root folder; give a folder below it");
        var status = FileStatus.Of(full, followLinks: false);
        switch (status.Kind)
        {
            case FileKind.SymbolicLink:
                throw Refused(destination, $"is a symbolic link (to '{Excerpt.OfPath(new FileInfo(full).LinkTarget ?? "?")}'); give the folder itself");
            case FileKind.Missing or FileKind.Directory:
                break;
            default:
                throw Refused(destination, "is a file; give a folder (it is created, or an earlier output folder is replaced as a whole)");
        }

        string withSlash = full + Path.DirectorySeparatorChar;
        bool Inside(string path) =>
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar).StartsWith(withSlash, StringComparison.Ordinal);
        if (Inside(Environment.CurrentDirectory)) throw Refused(destination, "holds the current directory; give a folder below it, such as results/<name>");
        if (keep.Any(Inside)) throw Refused(destination, "holds the scenario files; give another folder");
        if (status.Kind == FileKind.Directory)
        {
            // A mount point cannot be renamed, and the run commits by renaming: refuse it now, not after the run.
            if (OperatingSystem.IsLinux() && Directory.Exists(parent) && FileStatus.Of(parent).Device != status.Device)
                throw Refused(destination, "is a mount point; give a folder inside it, such as " + Path.Combine(destination, "out"));
            if (InTheWay(full) is { } problem) throw Refused(destination, problem);
        }
        return full;
    }

    /// <summary>
    /// Why an existing folder may not be replaced, or null when it may (empty, or an earlier output
    /// and nothing else). Links are never followed, and looking stops at the first few foreign entries.
    /// </summary>
    public static string? InTheWay(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        HashSet<string>? listed = null, folders = null;
        if (FileStatus.Of(manifest, followLinks: false).Kind != FileKind.Missing)
        {
            var (outputs, problem) = RunManifest.ReadOutputs(manifest);
            if (outputs is null) return $"holds a manifest.json, but {problem}; give a new folder";
            listed = new HashSet<string>(outputs, StringComparer.Ordinal) { "manifest.json" };
            folders = new HashSet<string>(listed.SelectMany(Parents), StringComparer.Ordinal);
        }
        var foreign = new List<string>();
        int looked = 0;
        var pending = new Stack<string>();
        pending.Push("");
        try
        {
            while (pending.Count > 0 && foreign.Count <= Named && looked < Looked)
            {
                string relative = pending.Pop();
                foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(folder, relative)))
                {
                    if (++looked >= Looked || foreign.Count > Named) break;
                    string name = relative.Length == 0 ? Path.GetFileName(entry) : relative + "/" + Path.GetFileName(entry);
                    var kind = FileStatus.Of(entry, followLinks: false).Kind;
                    if (kind == FileKind.Directory && folders?.Contains(name) == true) pending.Push(name);
                    else if (kind != FileKind.Regular || listed?.Contains(name) != true) foreign.Add(name);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read to check what it holds ({OutputFolder.Reason(e)})";
        }
        if (foreign.Count == 0 && looked < Looked) return null;
        if (listed is null)
            return $"is a folder with other files ({List(foreign)}) and no airace manifest.json; give a new folder or an earlier output folder (it is replaced as a whole)";
        if (foreign.Count == 0) return $"holds more than {Looked} entries, more than an airace output has; give a new folder";
        return $"is an earlier output, but also holds {List(foreign)}, which its manifest does not list; a run replaces its folder as a whole, so move {(foreign.Count == 1 ? "it" : "them")} out or give another folder";
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var p = Path.GetDirectoryName(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p)) yield return p.Replace('\\', '/');
    }

    private static string List(List<string> names)
    {
        var shown = string.Join(", ", names.Take(Named).Order(StringComparer.Ordinal).Select(n => $"'{Excerpt.Of(n)}'"));
        return names.Count > Named ? $"{shown} and more" : shown;
    }

    private static OutputFolderException Refused(string destination, string why) => new($"--out '{Excerpt.OfPath(destination)}' {why}");
}
