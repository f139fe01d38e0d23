using PuppeteerSharp;

namespace AiRaceSim.Cli.Tests;

/// <summary>Debian's chromium (installed by .ci/run; never a downloaded browser), headless, in a fresh profile removed on disposal.</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Path = "/usr/bin/chromium";
    private readonly DirectoryInfo _profile;
    public IBrowser Browser { get; }

    private HeadlessChromium(DirectoryInfo profile, IBrowser browser) => (_profile, Browser) = (profile, browser);

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var profile = Directory.CreateTempSubdirectory("airace-chromium-");
        try
        {
            var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = Path, Headless = true, UserDataDir = profile.FullName,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
            });
            return new HeadlessChromium(profile, browser);
        }
        catch
        {
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _profile.Delete(recursive: true);
    }
}
