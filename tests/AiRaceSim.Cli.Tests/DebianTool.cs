using Xunit.Abstractions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// A Debian package a test drives (chromium, redis-server), installed by .ci/run. Missing, the test
/// passes with the reason printed, unless CI=true, where it fails.
/// </summary>
internal static class DebianTool
{
    /// <summary>Whether <paramref name="path"/> is there; if not, fails under CI=true, else says why the test is skipped.</summary>
    public static bool Present(string path, string package, ITestOutputHelper output)
    {
        if (File.Exists(path)) return true;
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{path} is missing; .ci/run installs Debian's {package} package");
        output.WriteLine($"skipped: {path} is missing (install Debian's {package} package; CI=true makes this a failure)");
        return false;
    }
}
