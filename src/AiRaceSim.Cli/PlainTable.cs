namespace AiRaceSim.Cli;

/// <summary>A table as `compare` prints it: Markdown, or columns padded to their widest cell (the first ones left-aligned, the rest right).</summary>
internal static class PlainTable
{
    public static void Write(TextWriter stdout, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, bool markdown, int leftAligned = 1)
    {
        if (markdown)
        {
            stdout.WriteLine("| " + string.Join(" | ", header) + " |");
            stdout.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
            foreach (var row in rows) stdout.WriteLine("| " + string.Join(" | ", row) + " |");
            return;
        }
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i < leftAligned ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        stdout.WriteLine(Line(header));
        foreach (var row in rows) stdout.WriteLine(Line(row));
    }
}
