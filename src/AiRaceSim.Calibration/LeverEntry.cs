namespace AiRaceSim.Calibration;

/// <summary>
/// A lever of a targets file: id, what, scenario (the what-if, relative to the targets file's
/// folder), series {entity, metric}, at (a month), expect (narrows or widens).
/// </summary>
internal static class LeverEntry
{
    private static readonly string[] Keys = ["id", "what", "scenario", "series", "at", "expect"];

    public static Lever? Read(YamlFields f, string folder)
    {
        f.AllowOnly(Keys);
        var id = f.Text("id") ?? "?";
        var what = f.Text("what") ?? "";
        var scenario = f.Text("scenario");
        var series = f.Series("series");
        var at = f.Month("at", null);
        var expect = f.Text("expect");
        var direction = expect switch { "narrows" => LeverDirection.Narrows, "widens" => LeverDirection.Widens, _ => (LeverDirection?)null };
        if (expect is not null && direction is null) f.Error(f.Node("expect"), $"lever {id}: expect is 'narrows' or 'widens', got '{expect}'");
        if (f.Missing > 0 || scenario is null || series is null || direction is null) return null;
        var node = f.Node("scenario")!;
        return new Lever
        {
            Id = id, What = what, Scenario = scenario, ScenarioPath = Path.GetFullPath(Path.Combine(folder, scenario)), Series = series,
            At = at, Direction = direction.Value, Line = (int)node.Start.Line, Column = (int)node.Start.Column,
        };
    }
}
