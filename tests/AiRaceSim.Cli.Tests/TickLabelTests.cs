using System.Globalization;
using System.Xml.Linq;
using AiRaceSim.Reports.Charts;

namespace AiRaceSim.Cli.Tests;

/// <summary>Tick labels are invariant by themselves, not because the process happens to run with invariant globalization.</summary>
public sealed class TickLabelTests
{
    [Fact]
    public void Y_tick_labels_are_invariant_under_a_culture_with_a_decimal_comma()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var panel = new Panel("ticks", "value");
        panel.Lines.Add(new Line("line", Palette.World, [24240, 24241, 24242], [0, 0.7, 1.4]));
        var folder = Directory.CreateTempSubdirectory("airace-ticks-");
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            FigureRenderer.Save(new Figure("ticks", "ticks", [panel]), folder.FullName);
            CultureInfo.CurrentCulture = before;
            var texts = XDocument.Load(Path.Combine(folder.FullName, "ticks.svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
            Assert.Contains(texts, t => t.Length > 1 && t.StartsWith("0.", StringComparison.Ordinal)); // a fractional tick such as 0.2
            Assert.DoesNotContain(texts, t => t.StartsWith("0,", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(-0.0, "0")]
    [InlineData(2, "2")]
    [InlineData(12500, "12,500")]
    [InlineData(-1.25, "-1.25")]
    public void A_tick_label_has_no_float_noise_and_no_negative_zero(double value, string label) =>
        Assert.Equal(label, FigureRenderer.TickLabel(value));
}
