using System.Net;
using System.Text.Json;
using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;
using AiRaceSim.Scenarios;
using AiRaceSim.Teaching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// The teaching page's API on ASP.NET Core's test server (what WebApplicationFactory wraps; the page is served by a
/// library, not an app of its own), on the in-process backend: presets and levers, a run streamed month by month, the
/// limits, and the refusals.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class TeachingApiTests : IAsyncLifetime
{
    private static readonly string Scenarios = Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios");
    private readonly PresetLibrary _presets = new(Scenarios);
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = TeachingServer.Build(_presets, new InProcessBackend(), web => web.WebHost.UseTestServer());
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_presets_are_the_baseline_each_teaching_world_and_each_what_if_with_their_lessons_and_levers()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/api/presets"));
        var presets = doc.RootElement.EnumerateArray().ToList();
        var ids = presets.Select(p => p.GetProperty("id").GetString()).ToList();
        var files = Directory.GetFiles(Path.Combine(Scenarios, "teaching"), "*.yaml").Select(f => "teaching/" + Path.GetFileNameWithoutExtension(f))
            .Concat(Directory.GetFiles(Path.Combine(Scenarios, "what-if"), "*.yaml").Select(f => "what-if/" + Path.GetFileNameWithoutExtension(f)));
        Assert.Equal(["baseline", .. files.Order(StringComparer.Ordinal)], ids.Skip(0).Take(1).Concat(ids.Skip(1).Order(StringComparer.Ordinal)));
        var controls = presets.Single(p => p.GetProperty("id").GetString() == "teaching/export-controls");
        Assert.StartsWith("Lesson (model v2): export controls cut the follower's compute", controls.GetProperty("lesson").GetString());
        Assert.StartsWith("Question: what if OpenAI had not blocked API access", presets.Single(p => p.GetProperty("id").GetString() == "what-if/no-api-block").GetProperty("lesson").GetString());
        // The levers' meanings and ranges are the scenario vocabulary's, at the preset's own paths.
        var levers = controls.GetProperty("levers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["tier", "enforcement", "open_weights"], levers.Keys);
        var enforcement = levers["enforcement"];
        Assert.Equal("events.enforcement.enforcement.level", enforcement.GetProperty("path").GetString());
        Assert.StartsWith(ScenarioVocabulary.Describe("events.enforcement.enforcement.level")!.Description, enforcement.GetProperty("description").GetString());
        Assert.Equal("Enforcement level (≥ 0), or the change when relative. Sets the preset's event 'enforcement' of 2022-10.", enforcement.GetProperty("description").GetString());
        Assert.Equal("0", enforcement.GetProperty("value").GetString());
        // The tier's range is the scenario's own tier table (0 .. 3), whatever tier the preset sets: the baseline's latest is 2.
        Assert.Equal(3, levers["tier"].GetProperty("max").GetDouble());
        Assert.Equal("3", levers["tier"].GetProperty("value").GetString());
        var baselineTier = presets.Single(p => p.GetProperty("id").GetString() == "baseline").GetProperty("levers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "tier");
        Assert.Equal((3.0, "2"), (baselineTier.GetProperty("max").GetDouble(), baselineTier.GetProperty("value").GetString()));
        Assert.EndsWith("Sets the preset's event 'h20-resumes' of 2025-07.", baselineTier.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_run_streams_every_month_once_in_order_and_its_percentiles_are_those_of_the_members()
    {
        var events = await Run("/api/run?preset=teaching/export-controls&members=12&enforcement=2");
        Assert.Equal(["start", "band", "months"], events.Select(e => e.Name).Distinct().Take(3));
        Assert.Equal("done", events[^1].Name);
        var rows = events.Where(e => e.Name == "months").SelectMany(e => e.Data.EnumerateArray()).ToList();
        int months = events[0].Data.GetProperty("months").GetInt32();
        Assert.Equal(Enumerable.Range(0, months), rows.Select(r => r.GetProperty("month").GetInt32()));
        Assert.Equal(months, events.Single(e => e.Name == "band").Data.GetArrayLength());

        // The same variant run directly, its last month's median gap by sorting the members' values.
        var template = ScenarioTemplate.Load(Path.Combine(Scenarios, "teaching", "export-controls.yaml"), new ScenarioOverrides(12));
        var scenario = template.WithValues([("events.enforcement.enforcement.level", "2")]);
        var request = new RunRequest(scenario.Spec, 12, scenario.BlockSize) { Metrics = ["capability_gap_months"], Entities = ["CN-US"] };
        var series = await new EnsembleDriver(new InProcessBackend()).RunToMemoryAsync(request);
        var last = Enumerable.Range(0, 12).Select(m => series[0, months - 1, m]).Where(v => !double.IsNaN(v)).Order().ToList();
        double median = last.Count % 2 == 1 ? last[last.Count / 2] : (last[last.Count / 2 - 1] + last[last.Count / 2]) / 2;
        Assert.Equal(median, rows[^1].GetProperty("gap")[1].GetDouble());
        Assert.Equal(median, events[^1].Data.GetProperty("gap").GetDouble());
    }

    [Fact]
    public async Task The_levers_move_the_gap_the_way_the_model_says()
    {
        async Task<double> Gap(string query) => (await Run("/api/run?preset=teaching/export-controls&members=20" + query))[^1].Data.GetProperty("gap").GetDouble();
        double asIs = await Gap(""), enforced = await Gap("&enforcement=3"), open = await Gap("&tier=0");
        Assert.True(enforced > asIs + 1, $"enforcement 3: {enforced:F1} months behind, as the preset: {asIs:F1}"); // less is smuggled in
        Assert.True(open < asIs - 3, $"no controls: {open:F1}, the preset: {asIs:F1}");
        // The API block as a switch (off: ℓ_API = 1) and its date as a month, 18 months after the block (the lesson's widening).
        async Task<double> Api(string query) => (await Run("/api/run?preset=teaching/api-access&members=20" + query))
            .Where(e => e.Name == "months").SelectMany(e => e.Data.EnumerateArray()).Single(r => r.GetProperty("date").GetString() == "2026-01")
            .GetProperty("gap")[1].GetDouble();
        double blocked = await Api(""), unblocked = await Api("&api_block=false"), later = await Api("&api_block_date=2028-01");
        Assert.True(unblocked < blocked, $"without the block: {unblocked:F1}, with it: {blocked:F1}");
        Assert.True(later < blocked, $"blocked from 2028-01: {later:F1}, from 2024-07: {blocked:F1} (in 2026-01)");
    }

    [Theory]
    [InlineData("preset=nowhere", "no preset 'nowhere'; choose one of baseline, ")]
    [InlineData("preset=teaching/export-controls&tier=9", "US export-control tier on China takes a number from 0 to 3, not '9'")]
    [InlineData("preset=teaching/export-controls&enforcement=x", "takes a number from 0 to 3, not 'x'")]
    [InlineData("preset=teaching/export-controls&members=201", "members must be a whole number from 1 to 200, not '201'")]
    [InlineData("preset=teaching/export-controls&cn_support=5", "teaching-export-controls has no lever 'cn_support'; it has tier, enforcement, open_weights")]
    [InlineData("preset=teaching/api-access&api_block_date=2040-01", "date")]
    [InlineData("preset=teaching/api-access&api_block=maybe", "API block on China takes true or false, not 'maybe'")]
    [InlineData("preset=teaching/export-controls&tier=1.5", "takes a number from 0 to 3, not '1.5'")]
    public async Task A_setting_the_page_cannot_run_is_refused_with_a_message(string query, string expected)
    {
        var response = await _http.GetAsync("/api/run?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, doc.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_page_and_its_scripts_come_from_the_server_under_a_policy_that_allows_nothing_else()
    {
        var page = await _http.GetAsync("/");
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var asset in new[] { "/", "/app.js", "/app.css", "/vendor/uplot/uPlot.iife.min.js", "/vendor/uplot/uPlot.min.css" })
        {
            var text = await _http.GetStringAsync(asset);
            Assert.True(text.Length > 100, asset);
            Assert.DoesNotContain("https://", text.Replace("https://github.com/leeoniya/uPlot", ""));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/nothing.js")).StatusCode);
    }

    [Fact]
    public async Task At_most_two_runs_go_at_once_and_a_run_stops_when_its_page_goes_away()
    {
        var held = new HeldBackend();
        await using var app = TeachingServer.Build(_presets, held, web => web.WebHost.UseTestServer());
        await app.StartAsync();
        using var http = app.GetTestClient();
        var a = http.GetAsync("/api/run?preset=teaching/api-access&members=2", HttpCompletionOption.ResponseHeadersRead);
        var b = http.GetAsync("/api/run?preset=teaching/api-access&members=3", HttpCompletionOption.ResponseHeadersRead);
        await held.Started(2);
        var third = await http.GetAsync("/api/run?preset=teaching/api-access&members=2");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("2 runs are going already", await third.Content.ReadAsStringAsync());
        // The first page goes away (it stops reading its stream): its run is cancelled (the backend sees it).
        (await a).Dispose();
        await held.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();
        (await b).Dispose();
        // The places are free again: a new run goes.
        var again = await http.GetAsync("/api/run?preset=teaching/api-access&members=2");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_run_of_a_preset_as_it_stands_is_its_band_and_a_signed_zero_tier_is_a_level()
    {
        var events = await Run("/api/run?preset=teaching/export-controls&members=6");
        var band = events.Single(e => e.Name == "band").Data.GetRawText();
        var rows = "[" + string.Join(",", events.Where(e => e.Name == "months").SelectMany(e => e.Data.EnumerateArray()).Select(r => r.GetRawText())) + "]";
        Assert.Equal(band, rows);
        // "-0" is the tier 0, not a change of 0 (which would keep tier 3).
        double zero = (await Run("/api/run?preset=teaching/export-controls&members=6&tier=0"))[^1].Data.GetProperty("gap").GetDouble();
        double signed = (await Run("/api/run?preset=teaching/export-controls&members=6&tier=-0"))[^1].Data.GetProperty("gap").GetDouble();
        Assert.Equal(zero, signed);
    }

    [Fact]
    public async Task A_run_started_from_another_site_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/run?preset=teaching/export-controls&members=2");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not from another site", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A backend whose worlds wait until released, counting starts and seeing cancellations.</summary>
    private sealed class HeldBackend : IEnsembleBackend
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;
        public readonly TaskCompletionSource Cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Started(int n)
        {
            for (var until = DateTime.UtcNow.AddSeconds(30); Volatile.Read(ref _started) < n; await Task.Delay(20))
                Assert.True(DateTime.UtcNow < until, $"{_started} of {n} runs started");
        }

        public void Release() => _release.TrySetResult();

        public async Task<IBlockWorld> StartAsync(RunRequest request, int block, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _started);
            try { await _release.Task.WaitAsync(cancellation); }
            catch (OperationCanceledException) { Cancelled.TrySetResult(); throw; }
            return await new InProcessBackend().StartAsync(request, block, cancellation);
        }
    }

    private sealed record Event(string Name, JsonElement Data);

    private async Task<List<Event>> Run(string url)
    {
        var text = await _http.GetStringAsync(url);
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(block =>
        {
            var lines = block.Split('\n');
            return new Event(lines[0]["event: ".Length..], JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement.Clone());
        }).ToList();
    }
}

/// <summary>`airace serve`'s own refusals, before anything starts.</summary>
[Collection(CliCollection.Name)]
public sealed class ServeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Theory]
    [InlineData("--host", "localhost", "--host expects an IPv4 address such as 127.0.0.1, got 'localhost'")]
    [InlineData("--scenarios", "/nonexistent-airace", "holds no baseline.yaml: give the repository's scenarios folder (--scenarios)")]
    public async Task A_bad_option_is_bad_input(string option, string value, string expected)
    {
        var (code, _, stderr) = await _cli.Run("serve", option, value, "--port", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, stderr);
    }

    public void Dispose() => _cli.Dispose();
}
