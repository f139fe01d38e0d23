using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AiRaceSim.Ensembles;
using AiRaceSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AiRaceSim.Teaching;

/// <summary>
/// The page's endpoints: the page itself and its scripts (from the assembly), the presets with their levers, and a run
/// streamed as Server-Sent Events. A run is a preset plus lever values checked against the levers' ranges and then bound
/// as a file would be; at most <see cref="PresetLibrary.MostMembers"/> members and <see cref="RunsAtOnce"/> runs at once,
/// and a run stops when its page stops reading.
/// </summary>
public static class TeachingApi
{
    public const int RunsAtOnce = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, PresetLibrary presets, IEnsembleBackend backend)
    {
        var gate = new SemaphoreSlim(RunsAtOnce, RunsAtOnce);
        var bands = new ConcurrentDictionary<(string, int), Lazy<Task<List<MonthRow>>>>();
        app.MapGet("/api/presets", () => Results.Json(presets.Presets, Json));
        app.MapGet("/api/run", async (HttpContext http) =>
        {
            var (scenario, preset, problem) = Variant(presets, http.Request.Query);
            if (problem is not null) { await Error(http, 400, problem); return; }
            if (!await gate.WaitAsync(0)) { await Error(http, 429, $"{RunsAtOnce} runs are going already; try again when one has finished"); return; }
            try
            {
                var cancel = http.RequestAborted;
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                var spec = scenario!.Spec;
                await Send(http, "start", new { preset = preset!.Id, months = spec.Months, start = spec.Start.ToString(), members = scenario.Members, pair = preset.Pair });
                await Send(http, "band", await Band(preset, scenario.Members, cancel));
                MonthRow? last = null;
                await TeachingRun.RunAsync(scenario, preset.Pair, backend, async rows =>
                {
                    last = rows[^1];
                    await Send(http, "months", rows);
                }, cancel);
                await Send(http, "done", new { gap = last?.Gap[1], compute = last?.Compute[1], date = last?.Date });
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The page went away: the run stopped with it.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!http.RequestAborted.IsCancellationRequested) await Send(http, "error", new { error = e.GetBaseException().Message });
            }
            finally
            {
                gate.Release();
            }
        });
        // The preset's own run with the same members: the grey band behind, kept (it does not change). It stops with the
        // page that asked for it; a page still waiting for it then runs it again.
        async Task<List<MonthRow>> Band(Preset preset, int members, CancellationToken cancel)
        {
            var key = (preset.Id, members);
            while (true)
            {
                var band = bands.GetOrAdd(key, _ => new Lazy<Task<List<MonthRow>>>(async () =>
                {
                    var rows = new List<MonthRow>();
                    await TeachingRun.RunAsync(presets.Template(preset.Id, members).Base, preset.Pair, backend,
                        r => { rows.AddRange(r); return ValueTask.CompletedTask; }, cancel);
                    return rows;
                }));
                try
                {
                    return await band.Value.WaitAsync(cancel);
                }
                catch (Exception) when (!band.Value.IsCompletedSuccessfully)
                {
                    bands.TryRemove(new KeyValuePair<(string, int), Lazy<Task<List<MonthRow>>>>(key, band));
                    if (cancel.IsCancellationRequested || !band.Value.IsCanceled) throw;
                }
            }
        }

        app.MapGet("/", (HttpContext http) => Asset(http, "index.html"));
        app.MapGet("/{*file}", (HttpContext http, string file) => Asset(http, file));
    }

    /// <summary>The preset's scenario with the query's lever values, or why not (a message for the page).</summary>
    public static (LoadedScenario? Scenario, Preset? Preset, string? Problem) Variant(PresetLibrary presets, IQueryCollection query)
    {
        if (presets.Find(query["preset"].ToString()) is not { } preset)
            return (null, null, $"no preset '{query["preset"]}'; choose one of {string.Join(", ", presets.Presets.Select(p => p.Id))}");
        int members = preset.Members;
        if (query.TryGetValue("members", out var m) && !(int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out members) && members is >= 1 and <= PresetLibrary.MostMembers))
            return (null, preset, $"members must be a whole number from 1 to {PresetLibrary.MostMembers}, not '{Excerpt.Of(m.ToString())}'");
        var values = new List<(string Path, string Text)>();
        foreach (var (key, sent) in query)
        {
            if (key is "preset" or "members") continue;
            if (preset.Levers.FirstOrDefault(l => l.Id == key) is not { } lever)
                return (null, preset, $"{preset.Name} has no lever '{Excerpt.Of(key)}'; it has {string.Join(", ", preset.Levers.Select(l => l.Id))}");
            if (!lever.Accepts(sent.ToString(), out var value))
                return (null, preset, lever.Kind switch
                {
                    "number" => $"{lever.Label} takes a number from {Lever.Format(lever.Min)} to {Lever.Format(lever.Max)}, not '{Excerpt.Of(sent.ToString())}'",
                    "switch" => $"{lever.Label} takes true or false, not '{Excerpt.Of(sent.ToString())}'",
                    _ => $"{lever.Label} takes a month, yyyy-MM, not '{Excerpt.Of(sent.ToString())}'",
                });
            if (value is not null) values.Add((lever.Path, value));
        }
        try
        {
            var template = presets.Template(preset.Id, members);
            return (values.Count == 0 ? template.Base : template.WithValues(values), preset, null);
        }
        catch (ScenarioException e)
        {
            return (null, preset, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
        catch (ArgumentException e)
        {
            return (null, preset, e.Message);
        }
    }

    private static async Task Send(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static async Task Error(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new { error = message }, Json);
    }

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8", [""] = "text/plain; charset=utf-8",
    };

    /// <summary>A file of the page from the assembly; everything it loads comes from here (and the policy says so to the browser).</summary>
    private static async Task Asset(HttpContext http, string file)
    {
        var stream = typeof(TeachingApi).Assembly.GetManifestResourceStream("wwwroot/" + file);
        if (stream is null || file.Contains("..", StringComparison.Ordinal)) { http.Response.StatusCode = 404; return; }
        await using var _ = stream;
        http.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";
        await stream.CopyToAsync(http.Response.Body);
    }
}
