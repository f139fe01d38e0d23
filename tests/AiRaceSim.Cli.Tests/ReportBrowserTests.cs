using PuppeteerSharp;
using Xunit.Abstractions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// report.html in headless Chromium (Debian's chromium package, installed by .ci/run; never a
/// downloaded browser): it must load with no network request and no console or page error. Without
/// /usr/bin/chromium the test passes with the reason printed, unless CI=true, where it fails.
/// </summary>
[Collection(BaselineReportCollection.Name)]
public sealed class ReportBrowserTests(BaselineReportFixture run, ITestOutputHelper output)
{
    /// <summary>.ci/run must run the tests with CI=true, or a failed chromium install passes this test silently.</summary>
    [Fact]
    public void Ci_runs_the_tests_with_ci_true()
    {
        var script = File.ReadAllLines(Path.Combine(OtherCommandTests.RepositoryRoot(), ".ci", "run"));
        var test = script.Select(l => l.Trim()).Where(l => !l.StartsWith('#')).Single(l => l.Contains("dotnet test", StringComparison.Ordinal));
        Assert.StartsWith("CI=true dotnet test ", test);
    }

    [Fact]
    public async Task The_report_opens_in_chromium_with_no_network_request_and_no_error()
    {
        if (!DebianTool.Present(HeadlessChromium.Path, "chromium", output)) return;
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.Browser.NewPageAsync();
        var report = new Uri(Path.GetFullPath(Path.Combine(run.Folder, "report.html"))).AbsoluteUri;
        // Concurrent: the browser's events arrive on other threads, and a list corrupted there would throw in the handler and stop the test host.
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, e) => { if (e.Request.Url != report && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Enqueue(e.Request.Url); };
        page.RequestFailed += (_, e) => errors.Enqueue($"request failed: {e.Request.Url}");
        page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) errors.Enqueue($"console {e.Message.Type}: {e.Message.Text}"); };
        page.PageError += (_, e) => errors.Enqueue($"page error: {e.Message}");
        var response = await page.GoToAsync(report, WaitUntilNavigation.Networkidle0);
        Assert.True(response.Ok, $"loading {report}: {response.Status}");
        var title = await page.GetTitleAsync();
        int svgs = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('figure > svg').length");
        Assert.Equal("baseline: AiRaceSim report", title);
        Assert.Equal(8, svgs);
        Assert.Empty(requests);
        Assert.Empty(errors);
    }
}
