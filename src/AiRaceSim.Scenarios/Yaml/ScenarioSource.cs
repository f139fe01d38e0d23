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
                // Never quote it: a file that is not a scenario (extends: /etc/passwd) is one long scalar.
                string found = root is YScalar ? "plain text; is this a scenario file?" : root.Describe();
                diag.At(root, $"the top level must be a map of keys (name: …, start: …), not {found}");
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
            if (s.Value.Contains("://", StringComparison.Ordinal))
            {
                diag.At(s, $"extends takes a file path, not a URL ('{Excerpt.Of(s.Value)}'); save the file and give its path");
                return null;
            }
            if (chain.Count >= Limits.ExtendsChain)
            {
                diag.At(s, $"more than {Limits.ExtendsChain} files extend one another; shorten the chain of 'extends'");
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

    internal static string? ReadText(string shown, string full, YScalar? extendsNode, Diagnostics diag, List<ScenarioFile> files)
    {
        void Fail(string reason)
        {
            if (extendsNode is null) diag.Add(shown, 1, 1, $"cannot read the file: {reason}");
            else diag.At(extendsNode, $"cannot read the extended file '{shown}': {reason}" +
                (reason.StartsWith("no such", StringComparison.Ordinal) ? "; the path is relative to this file's folder" : ""));
        }
        var (read, problem) = InputFile.Read(full);
        if (read is null)
        {
            Fail(problem!);
            return null;
        }
        byte[] bytes = read;
        files.Add(new ScenarioFile(shown, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        try
        {
            int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            var text = StrictUtf8.GetString(bytes, bom, bytes.Length - bom);
            return ControlCharacters(shown, text, diag) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            diag.Add(shown, 1, 1, "the file is not UTF-8 text; save it as UTF-8");
            return null;
        }
    }

    /// <summary>Reports each control character other than tab and line breaks (YAML allows none); true if any.</summary>
    private static bool ControlCharacters(string shown, string text, Diagnostics diag)
    {
        int line = 1, column = 1, before = diag.Count;
        foreach (char ch in text)
        {
            if (ch == '\n') { line++; column = 1; continue; }
            if (char.IsControl(ch) && ch is not ('\t' or '\r'))
            {
                string name = ch == '\0' ? "NUL" : $"U+{(int)ch:X4}";
                diag.Add(shown, line, column, $"control character {name} in the file; remove it (a scenario is plain text)");
                if (diag.Count - before >= Limits.ErrorsShown) break;
            }
            column++;
        }
        return diag.Count > before;
    }
}
