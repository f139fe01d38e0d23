using System.Text.Json;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Reports.Data;

public sealed record ScenarioEvent(string Id, Month Date, string Kind, string What);
public sealed record ScenarioRule(string Id, string Government, string Kind, string? Target);
public sealed record FirmInfo(string Id, string Country);
public sealed record ScenarioFileHash(string Path, string Sha256);

/// <summary>
/// What a report needs from a run's <c>manifest.json</c>: the scenario's name, description and
/// question, its months, countries, firms, events, rules and perceptions (from the resolved
/// scenario), and seed, members, version and the files it was run from.
/// </summary>
public sealed record RunInfo
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string? Question { get; init; }
    public required Month Start { get; init; }
    public required Month End { get; init; }
    public required Month Now { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public required IReadOnlyList<FirmInfo> Firms { get; init; }
    public required IReadOnlyList<ScenarioEvent> Events { get; init; }
    public required IReadOnlyList<ScenarioRule> Rules { get; init; }
    /// <summary>Per government with a perception: the pair it perceives (follower, leader).</summary>
    public required IReadOnlyDictionary<string, (string Of, string Behind)> Perceptions { get; init; }
    public required ulong Seed { get; init; }
    public required int Members { get; init; }
    public string Version { get; init; } = "unknown";
    public string Commit { get; init; } = "unknown";
    public required IReadOnlyList<ScenarioFileHash> Files { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }

    public static RunInfo Load(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var scenario = root.GetProperty("resolved_scenario");
        string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var countries = scenario.TryGetProperty("countries", out var cs) ? cs.EnumerateObject().ToList() : [];
        var perceptions = new Dictionary<string, (string, string)>();
        foreach (var c in countries)
            if (c.Value.TryGetProperty("perception", out var p) && S(p, "of") is { } of && S(p, "behind") is { } behind)
                perceptions[c.Name] = (of, behind);
        var files = root.GetProperty("files").EnumerateArray().Select(f => new ScenarioFileHash(S(f, "path") ?? "", S(f, "sha256") ?? "")).ToList();
        return new RunInfo
        {
            Name = S(root, "scenario") ?? S(scenario, "name") ?? "scenario",
            Description = (S(scenario, "description") ?? "").Trim(),
            Question = QuestionIn(files),
            Start = Month.Parse(S(scenario, "start")!), End = Month.Parse(S(scenario, "end")!),
            Now = Month.Parse(S(scenario, "now") ?? S(scenario, "end")!),
            Countries = countries.Select(c => c.Name).ToList(),
            Firms = scenario.TryGetProperty("firms", out var fs)
                ? fs.EnumerateArray().Select(f => new FirmInfo(S(f, "id") ?? "", S(f, "country") ?? "")).ToList() : [],
            Events = scenario.TryGetProperty("events", out var es) ? es.EnumerateArray().Where(Enabled).Select(Event).ToList() : [],
            Rules = scenario.TryGetProperty("rules", out var rs) ? rs.EnumerateArray().Where(Enabled).Select(Rule).ToList() : [],
            Perceptions = perceptions,
            Seed = root.GetProperty("seed").GetUInt64(), Members = root.GetProperty("members").GetInt32(),
            Version = S(root, "version") ?? "unknown", Commit = S(root, "commit") ?? "unknown",
            Files = files,
            Outputs = root.TryGetProperty("outputs", out var o) ? o.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [],
        };
    }

    private static readonly HashSet<string> NotActions = ["id", "date", "note", "disabled", "government", "when", "cooldown_months", "probability_per_month"];

    private static bool Enabled(JsonElement e) => !(e.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True);

    private static ScenarioEvent Event(JsonElement e)
    {
        var action = e.EnumerateObject().FirstOrDefault(p => !NotActions.Contains(p.Name));
        string id = e.TryGetProperty("id", out var i) ? i.GetString() ?? "" : "";
        var what = action.Value.ValueKind == JsonValueKind.Object
            ? string.Join(", ", action.Value.EnumerateObject().Where(p => p.Value.ValueKind is not JsonValueKind.Object).Select(p => $"{p.Name.Replace('_', ' ')} {Scalar(p.Value)}"))
            : "";
        return new ScenarioEvent(id, Month.Parse(e.GetProperty("date").GetString()!), action.Name ?? "event", what);
    }

    private static ScenarioRule Rule(JsonElement r)
    {
        var then = r.GetProperty("then").EnumerateObject().First();
        string? target = then.Value.ValueKind == JsonValueKind.Object
            ? (then.Value.TryGetProperty("target", out var t) ? t.GetString() : then.Value.TryGetProperty("country", out var c) ? c.GetString() : null)
            : null;
        return new ScenarioRule(r.GetProperty("id").GetString() ?? "", r.TryGetProperty("government", out var g) ? g.GetString() ?? "" : "", then.Name, target);
    }

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(", ", v.EnumerateArray().Select(Scalar)) + "]",
        JsonValueKind.String => v.GetString() ?? "",
        _ => v.GetRawText(),
    };

    /// <summary>The question a scenario file states in a leading "# Question: …" comment, read from the first file when it is still there unchanged.</summary>
    private static string? QuestionIn(IReadOnlyList<ScenarioFileHash> files)
    {
        if (files.Count == 0 || !File.Exists(files[0].Path)) return null;
        var bytes = File.ReadAllBytes(files[0].Path);
        if (!Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).Equals(files[0].Sha256, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var line in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var t = line.Trim();
            if (!t.StartsWith('#')) break;
            var body = t.TrimStart('#').Trim();
            if (body.StartsWith("Question:", StringComparison.OrdinalIgnoreCase)) return body["Question:".Length..].Trim();
        }
        return null;
    }
}
