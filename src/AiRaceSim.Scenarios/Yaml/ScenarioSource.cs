using System.Security.Cryptography;
using System.Text;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Reads a scenario file and the chain of files it <c>extends</c>, and merges them into one tree
/// (bottom of the chain first). Records every file read with its SHA-256.
/// </summary>
internal static class ScenarioSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static YMap? Read(string path, Diagnostics diag, List<ScenarioFile> files)
    {
        var chain = new List<(string Shown, string Full)>();
        var trees = new List<YMap>();
        string shown = path;
        YScalar? extendsNode = null;
        while (true)
        {
            string full;
            try { full = Path.GetFullPath(shown); }
            catch (ArgumentException) { full = shown; }
            int loop = chain.FindIndex(c => c.Full == full);
            if (loop >= 0 && extendsNode is not null)
            {
                string cycle = string.Join(" → ", chain.Skip(loop).Select(c => c.Shown).Append(shown));
                diag.At(extendsNode, $"extends cycle: {cycle}; remove one of these 'extends'");
                return null;
            }
            var text = ReadText(shown, full, extendsNode, diag, files);
            if (text is null) return null;
            chain.Add((shown, full));
            var root = YamlTreeReader.Read(shown, text, diag);
            if (root is null) return null;
            if (root is not YMap map)
            {
                diag.At(root, $"the top level must be a map of keys (name: …, start: …), not {root.Describe()}");
                return null;
            }
            trees.Add(map);
            var ext = map.Get("extends");
            if (ext is null or YScalar { IsNull: true }) break;
            if (ext is not YScalar { Value.Length: > 0 } s)
            {
                diag.At(ext, $"extends expects a file path, got {ext.Describe()}; write extends: base.yaml");
                return null;
            }
            extendsNode = s;
            shown = ScenarioPaths.Extended(shown, s.Value);
        }
        if (diag.Count > 0) return null;
        var merged = TreeMerger.Start(trees[^1], diag);
        for (int i = trees.Count - 2; i >= 0; i--) merged = TreeMerger.Merge(merged, trees[i], diag);
        merged.Entries.RemoveAll(e => e.Key.Value == "extends");
        return merged;
    }

    private static string? ReadText(string shown, string full, YScalar? extendsNode, Diagnostics diag, List<ScenarioFile> files)
    {
        void Fail(string reason)
        {
            if (extendsNode is null) diag.Add(shown, 1, 1, $"cannot read the file: {reason}");
            else diag.At(extendsNode, $"cannot read the extended file '{shown}': {reason}; the path is relative to this file's folder");
        }
        byte[] bytes;
        try
        {
            if (Directory.Exists(full)) { Fail("it is a folder, not a file"); return null; }
            bytes = File.ReadAllBytes(full);
        }
        catch (FileNotFoundException) { Fail("no such file"); return null; }
        catch (DirectoryNotFoundException) { Fail("no such folder"); return null; }
        catch (UnauthorizedAccessException) { Fail("permission denied"); return null; }
        catch (ArgumentException) { Fail("not a valid path"); return null; }
        catch (IOException e) { Fail($"input/output error ({e.GetType().Name})"); return null; }
        files.Add(new ScenarioFile(shown, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        try
        {
            int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return StrictUtf8.GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            diag.Add(shown, 1, 1, "the file is not UTF-8 text; save it as UTF-8");
            return null;
        }
    }
}
