using System.Net;
using System.Net.Sockets;
using AiRaceSim.Teaching;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// The teaching page end to end, as `airace serve` runs it (an embedded silo, Kestrel on loopback), in headless Chromium:
/// choose the export-controls teaching world, run it, move the enforcement slider, run again; the chart must hold every
/// month, the gap must move the way the lever says, and the page must ask nothing of any other machine. Screenshots at
/// 1280×800 and at phone width go to TestResults/teaching/. Without /usr/bin/chromium the test passes with the reason
/// printed, unless CI=true.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class TeachingPageTests(ITestOutputHelper output)
{
    /// <summary>Where the screenshots are kept with the test results (tests/AiRaceSim.Cli.Tests/TestResults/teaching/).</summary>
    public static readonly string Screenshots = Path.Combine(OtherCommandTests.RepositoryRoot(), "tests", "AiRaceSim.Cli.Tests", "TestResults", "teaching");

    [Fact]
    public async Task A_teacher_moves_the_enforcement_slider_and_the_gap_answers_in_the_browser()
    {
        if (!DebianTool.Present(HeadlessChromium.Path, "chromium", output)) return;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        using var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = TeachingServer.RunAsync(new ServeOptions(IPAddress.Loopback, port, Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios")),
            url => ready.TrySetResult(url), stop.Token);
        try
        {
            var url = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"http://127.0.0.1:{port}/", url);
            await using var chromium = await HeadlessChromium.LaunchAsync();
            await using var page = await chromium.Browser.NewPageAsync();
            // Concurrent: the browser's events arrive on other threads, and a list corrupted there would throw in the handler and stop the test host.
            var elsewhere = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
            page.Request += (_, e) =>
            {
                if (!e.Request.Url.StartsWith(url, StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal)
                    && !e.Request.Url.StartsWith("blob:", StringComparison.Ordinal)) elsewhere.Enqueue(e.Request.Url);
            };
            page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error) errors.Enqueue($"console: {e.Message.Text}"); };
            page.PageError += (_, e) => errors.Enqueue($"page error: {e.Message}");
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
            await page.GoToAsync(url, WaitUntilNavigation.Networkidle0);
            await page.WaitForSelectorAsync("body[data-ready=true]");

            // The baseline as it stands: nothing is sent but the preset (a slider rounding a preset's value to its step is no change).
            await page.SelectAsync("#preset", "baseline");
            Assert.EndsWith("?preset=baseline", await page.EvaluateExpressionAsync<string>("document.getElementById('share').href"));
            await page.SelectAsync("#preset", "teaching/export-controls");
            await Set(page, "#members", "20");
            double asIs = await RunAndRead(page);
            await Set(page, "#lever-enforcement", "3");
            double enforced = await RunAndRead(page);
            // Enforcement chokes smuggling, the only chips left after the controls: China falls further behind.
            Assert.True(enforced > asIs + 1, $"enforcement 3: {enforced:F1} months behind; as the preset: {asIs:F1}");
            // "N months behind", large on the page: the median gap at the end, rounded.
            Assert.Equal($"{Math.Round(enforced, MidpointRounding.AwayFromZero)} months behind", await page.EvaluateExpressionAsync<string>("document.getElementById('behind').textContent"));
            // The link holds the settings: opened, it sets the slider again.
            var link = await page.EvaluateExpressionAsync<string>("document.getElementById('share').href");
            Assert.Contains("preset=teaching%2Fexport-controls", link);
            Assert.Contains("enforcement=3", link);

            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(Path.Combine(Screenshots, "teaching-1280x800.png"));
            // Phone width (not mobile emulation, which reloads the page): the charts resize under the settings.
            await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
            await page.WaitForFunctionAsync("() => document.querySelector('#gap-chart canvas').clientWidth <= 390");
            Assert.Equal("done", await page.EvaluateExpressionAsync<string>("document.getElementById('behind').dataset.state"));
            await page.ScreenshotAsync(Path.Combine(Screenshots, "teaching-390x844.png"), new ScreenshotOptions { FullPage = true });
            await page.GoToAsync(link, WaitUntilNavigation.Networkidle0);
            await page.WaitForSelectorAsync("body[data-ready=true]");
            Assert.Equal("3", await page.EvaluateExpressionAsync<string>("document.getElementById('lever-enforcement').value"));
            Assert.Empty(elsewhere);
            Assert.Empty(errors);
        }
        finally
        {
            await stop.CancelAsync();
            await server;
        }
    }

    private static async Task Set(IPage page, string selector, string value) =>
        await page.EvaluateFunctionAsync("(s, v) => { const e = document.querySelector(s); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }",
            selector, value);

    /// <summary>Runs and waits for the chart to complete: every month of the run drawn; returns the median gap at the end.</summary>
    private static async Task<double> RunAndRead(IPage page)
    {
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#behind[data-state=done]", new WaitForSelectorOptions { Timeout = 120_000 });
        int months = await page.EvaluateExpressionAsync<int>("Number(document.getElementById('behind').dataset.months)");
        int drawn = await page.EvaluateExpressionAsync<int>("uPlot && document.querySelectorAll('.chart canvas').length");
        Assert.Equal(204, months); // 2016-01 .. 2032-12
        Assert.Equal(2, drawn);
        return await page.EvaluateExpressionAsync<double>("Number(document.getElementById('behind').dataset.gap)");
    }
}
