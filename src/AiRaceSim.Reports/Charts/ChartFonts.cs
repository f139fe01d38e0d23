using ScottPlot;
using SkiaSharp;

namespace AiRaceSim.Reports.Charts;

/// <summary>
/// The fonts every chart uses, shipped in this assembly (DejaVu Sans, regular and bold; licence in
/// Fonts/LICENSE-DejaVu.txt). ScottPlot draws no text at all when it finds no font, so they are
/// registered before the first chart, whatever fonts the machine has. They are read from the
/// assembly into memory and handed to ScottPlot through a font resolver: no font file is written
/// or read, so no file another user left in a shared folder can stand in for them.
/// </summary>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(Read("DejaVuSans.ttf"), Read("DejaVuSans-Bold.ttf")));
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("AiRaceSim.Reports.Fonts." + name)
            ?? throw new InvalidOperationException($"font {name} is not embedded in {typeof(ChartFonts).Assembly.GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Typefaces of <see cref="Family"/> made from the font bytes in memory (bold from weight 600 up); other names are left to the next resolver.</summary>
    private sealed class EmbeddedFontResolver(byte[] regular, byte[] bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool isBold, bool isItalic) =>
            fontName == Family ? Typeface(isBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == Family ? Typeface((int)weight >= (int)FontWeight.SemiBold ? bold : regular) : null;

        private static SKTypeface? Typeface(byte[] font)
        {
            using var data = SKData.CreateCopy(font);
            return SKTypeface.FromData(data);
        }
    }
}
