using System.Text;

namespace AiRaceSim.Output;

/// <summary>
/// Whether a folder may receive a run's output. A run replaces its folder as a whole, so it takes a
/// new folder, an empty one, or an earlier output whose manifest (format and version) lists
/// everything in it; never one that holds the current folder or the scenario files. Checked before
/// any simulation, so a bad --out costs nothing.
/// </summary>
public static class OutputDestination
{
    /// <summary>The longest file or folder name most file systems take, in UTF-8 bytes.</summary>
    public const int LongestName = 255;
    public const int LongestPath = 4000;
    /// <summary>Entries named in a message about what is in the way.</summary>
    private const int Named = 5;

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
                throw Refused(destination, $"has a name of {Encoding.UTF8.GetByteCount(part)} bytes ('{part[..20]}…'); names can have at most {LongestName}");
        if (Path.GetDirectoryName(full) is null) throw Refused(destination, "is the root folder; give a folder below it");
        if (File.Exists(full)) throw Refused(destination, "is a file; give a folder (it is created, or an earlier output folder is replaced as a whole)");
        var info = new DirectoryInfo(full);
        if (info.Exists && info.LinkTarget is not null) throw Refused(destination, $"is a symbolic link (to '{info.LinkTarget}'); give the folder itself");

        string withSlash = full + Path.DirectorySeparatorChar;
        bool Inside(string path) =>
            (Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar).StartsWith(withSlash, StringComparison.Ordinal);
        if (Inside(Environment.CurrentDirectory)) throw Refused(destination, "holds the current directory; give a folder below it, such as results/<name>");
        if (keep.Any(Inside)) throw Refused(destination, "holds the scenario files; give another folder");
        if (info.Exists && InTheWay(full) is { } problem) throw Refused(destination, problem);
        return full;
    }

    /// <summary>Why an existing folder may not be replaced, or null when it may (empty, or an earlier output and nothing else).</summary>
    public static string? InTheWay(string folder)
    {
        List<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
                .Select(e => Path.GetRelativePath(folder, e).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read to check what it holds ({OutputFolder.Reason(e)})";
        }
        if (entries.Count == 0) return null;
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
            return $"is a folder with other files ({List(entries.Where(e => !e.Contains('/')))}) and no airace manifest.json; give a new folder or an earlier output folder (it is replaced as a whole)";
        var (outputs, problem) = RunManifest.ReadOutputs(manifest);
        if (outputs is null) return $"holds a manifest.json, but {problem}; give a new folder";
        var listed = new HashSet<string>(outputs, StringComparer.Ordinal) { "manifest.json" };
        var folders = new HashSet<string>(listed.SelectMany(Parents), StringComparer.Ordinal);
        var foreign = entries.Where(e => !listed.Contains(e) && !folders.Contains(e)).ToList();
        // Name a foreign folder once, not every file in it.
        var top = foreign.Where(e => !foreign.Contains(Path.GetDirectoryName(e)?.Replace('\\', '/') ?? "")).ToList();
        return top.Count == 0 ? null
            : $"is an earlier output, but also holds {List(top)}, which its manifest does not list; a run replaces its folder as a whole, so move {(top.Count == 1 ? "it" : "them")} out or give another folder";
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var p = Path.GetDirectoryName(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p)) yield return p.Replace('\\', '/');
    }

    private static string List(IEnumerable<string> names)
    {
        var all = names.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", all.Take(Named).Select(n => $"'{n}'"));
        return all.Count > Named ? $"{shown} and {all.Count - Named} more" : shown;
    }

    private static OutputFolderException Refused(string destination, string why) => new($"--out '{destination}' {why}");
}
