using System.Security.Cryptography;

namespace AiRaceSim.Reports.Charts;

/// <summary>
/// The fonts every chart uses, shipped in this assembly (DejaVu Sans, regular and bold; licence in
/// Fonts/LICENSE-DejaVu.txt). ScottPlot draws no text at all when it finds no font, so they are
/// registered before the first chart, whatever fonts the machine has.
/// </summary>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        ScottPlot.Fonts.AddFontFile(Family, Extract("DejaVuSans.ttf"), bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, Extract("DejaVuSans-Bold.ttf"), bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }

    /// <summary>ScottPlot reads fonts from files: copy the embedded font to a file named by its hash (shared by processes, never half-written).</summary>
    private static string Extract(string name)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("AiRaceSim.Reports.Fonts." + name)
            ?? throw new InvalidOperationException($"font {name} is not embedded in {typeof(ChartFonts).Assembly.GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "airace-fonts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{hash}-{name}");
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }
}
