namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Paths as errors show them: the root as the user gave it, an extended file joined to the folder
/// of the file that names it, with '/' and without '.' or 'x/..' steps, so that messages do not
/// depend on the current directory.
/// </summary>
internal static class ScenarioPaths
{
    public static string Extended(string includingShown, string value)
    {
        string v = value.Replace('\\', '/');
        if (Path.IsPathRooted(v)) return Normalise(v);
        string dir = Path.GetDirectoryName(includingShown.Replace('\\', '/')) ?? "";
        return Normalise(dir.Length == 0 ? v : dir + "/" + v);
    }

    public static string Normalise(string path)
    {
        string p = path.Replace('\\', '/');
        bool rooted = p.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else if (part == ".." && rooted) continue;
            else parts.Add(part);
        }
        string joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
