using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AiRaceSim.Ensembles;
using AiRaceSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        // The presets' own runs (the grey bands), kept once complete: they do not change. Two pages asking for the same one
        // at once both run it (within the two places), and one that goes away stops its own.
        var bands = new ConcurrentDictionary<(string, int), List<MonthRow>>();
        app.MapGet("/api/presets", () => Results.Json(presets.Presets, Json));
        app.MapGet("/api/run", async (HttpContext http) =>
        {
            if (Foreign(http) is { } foreign) { await Error(http, 403, foreign); return; }
            var (scenario, preset, problem) = Variant(presets, http.Request.Query);
            if (problem is not null) { await Error(http, 400, problem); return; }
            if (!await gate.WaitAsync(0)) { await Error(http, 429, $"{RunsAtOnce} runs are going already; try again when one has finished"); return; }
            // A run stops when its page stops reading, or when the server stops.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted,
                http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            try
            {
                var cancel = stopping.Token;
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
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The page went away, or the server is stopping: the run stopped with it.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!stopping.IsCancellationRequested) await Send(http, "error", new { error = e.GetBaseException().Message });
            }
            finally
            {
                gate.Release();
            }
        });
        async Task<List<MonthRow>> Band(Preset preset, int members, CancellationToken cancel)
        {
            if (bands.TryGetValue((preset.Id, members), out var kept)) return kept;
            var rows = new List<MonthRow>();
            await TeachingRun.RunAsync(presets.Template(preset.Id).Base with { Members = members }, preset.Pair, backend,
                r => { rows.AddRange(r); return ValueTask.CompletedTask; }, cancel);
            return bands.GetOrAdd((preset.Id, members), rows);
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
            var template = presets.Template(preset.Id);
            return ((values.Count == 0 ? template.Base : template.WithValues(values)) with { Members = members }, preset, null);
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

    /// <summary>
    /// Why a request to start a run is refused as not the page's own: a browser says it comes from another site (any page
    /// a student opens could start runs), or, on loopback, the Host is not this machine's (DNS rebinding).
    /// </summary>
    private static string? Foreign(HttpContext http)
    {
        if (http.Request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
            return "runs are started from the page itself, not from another site";
        var local = http.Connection.LocalIpAddress;
        if (local is not null && System.Net.IPAddress.IsLoopback(local) && http.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            return $"this server answers to 127.0.0.1 and localhost, not to '{Excerpt.Of(http.Request.Host.Host)}'";
        return null;
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
        // Only the assembly's own resources, by their exact names: no path reaches a file.
        var stream = typeof(TeachingApi).Assembly.GetManifestResourceStream("wwwroot/" + file);
        if (stream is null) { http.Response.StatusCode = 404; return; }
        await using var _ = stream;
        http.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await stream.CopyToAsync(http.Response.Body);
    }
}
