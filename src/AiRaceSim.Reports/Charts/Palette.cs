namespace AiRaceSim.Reports.Charts;

/// <summary>
/// One colour per country on every chart, from Okabe and Ito's colour-blind-safe palette; the
/// world is black and references grey. Countries without a fixed colour take the unused ones in
/// the scenario's order.
/// </summary>
public sealed class Palette
{
    public const string World = "#000000", Reference = "#8C8C8C";
    private static readonly (string Country, string Color)[] Fixed =
    [
        ("US", "#0072B2"), ("CN", "#D55E00"), ("KR", "#009E73"), ("JP", "#CC79A7"),
        ("IN", "#E69F00"), ("UK", "#56B4E9"), ("EU", "#7F6A00"),
    ];
    private static readonly string[] Spare = ["#332288", "#882255", "#44AA99", "#999933", "#AA4499", "#117733"];
    private readonly Dictionary<string, string> _colors = [];

    public Palette(IEnumerable<string> countries)
    {
        foreach (var (c, color) in Fixed) _colors[c] = color;
        int spare = 0;
        foreach (var c in countries)
            if (!_colors.ContainsKey(c)) _colors[c] = Spare[spare++ % Spare.Length];
    }

    public string Of(string entity) => entity == "world" ? World : _colors.GetValueOrDefault(entity, Reference);

    /// <summary>Colours for the layers of a stacked chart (chip channels), in order.</summary>
    public static readonly string[] Layers = ["#0072B2", "#56B4E9", "#CC79A7", "#D55E00"];
}
