namespace AiRaceSim.Reports.Charts;

/// <summary>
/// Every colour of the charts. One colour per country on every chart, from Okabe and Ito's
/// colour-blind-safe palette; the world is black and references grey. Countries without a fixed
/// colour take the unused ones in the scenario's order. Things that are not countries (scenarios
/// compared, chip-channel layers) take colours no fixed country has, so blue always means the US.
/// </summary>
public sealed class Palette
{
    public const string World = "#000000", Reference = "#8C8C8C";
    /// <summary>A measured series drawn against a country's own (the measured gap under a perceived one).</summary>
    public const string Measured = "#000000";
    /// <summary>Event lines, bounds and a comparison's reference line; <see cref="Text"/> for labels drawn on the data area.</summary>
    public const string Neutral = "#555555", Text = "#333333";
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

    /// <summary>Colours for the layers of a stacked chart (chip channels), in order: Paul Tol's light scheme, none a country's fixed colour.</summary>
    public static readonly string[] Layers = ["#EEDD88", "#44BB99", "#FFAABB", "#99DDFF"];

    /// <summary>The colour of the <paramref name="index"/>-th scenario compared after the reference (which is <see cref="Reference"/>).</summary>
    public static string Scenario(int index) => Spare[index % Spare.Length];
}
