using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// `airace` as a separate process, as users run it: stdout holds results only, signals stop any
/// phase leaving nothing behind, and permissions are honoured (as an unprivileged user).
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ProcessTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private static readonly string Airace = Path.Combine(AppContext.BaseDirectory, "airace.dll");
    private static readonly string Small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Stdout_holds_the_results_and_no_log_line()
    {
        var dir = _cli.PathIn("quiet");
        var (code, stdout, stderr) = await Run(null, TimeSpan.FromMinutes(2), "run", Small, "--out", dir);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("warn:") || l.StartsWith("info:") || l.StartsWith("fail:") || l.Contains("Orleans"));
        Assert.StartsWith("small-test: 3 members, seed 11", lines[0].Trim());
        Assert.Equal($"wrote series.csv, quantiles.csv, manifest.json to {dir}", lines[^1]);
        Assert.DoesNotContain("warn:", stderr);
        Assert.Contains("airace: small-test: 48/48 months, 3 members", stderr);
    }

    [Theory]
    [InlineData("SIGTERM", 15, true)]
    [InlineData("SIGINT", 2, true)]
    [InlineData("SIGTERM", 15, false)]
    public async Task A_signal_stops_the_run_in_any_phase_and_leaves_nothing(string name, int signal, bool afterStart)
    {
        var dir = _cli.PathIn("stopped");
        var baseline = Path.Combine(RepoRoot(), "scenarios", "baseline.yaml");
        var started = new TaskCompletionSource();
        using var process = Start(null, "run", baseline, "--members", "400", "--format", "none", "--out", dir);
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data.Contains(" months, ")) started.TrySetResult();
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (afterStart) await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        else await Task.Delay(150); // loading or starting the silo
        Assert.False(process.HasExited, $"the run ended before the {name} was sent");
        Assert.Equal(0, Kill(process.Id, signal));
        // Generous for a loaded machine: a run that ignored the signal would take minutes.
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), $"still running 20 s after {name}");
        Assert.NotEqual(0, process.ExitCode);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Scratch));
    }

    [Fact]
    public async Task A_folder_the_user_may_not_write_is_refused_before_the_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("skipped: Unix permissions are tested on Linux");
            return;
        }
        var readOnly = _cli.PathIn("read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(_cli.Scratch, (UnixFileMode)0x1ED); // 0755: the unprivileged user may look in
        string[]? asUser = null;
        if (Environment.UserName == "root" || geteuid() == 0)
        {
            // Root ignores permissions: run as 'nobody' (65534), which they bind.
            if (!File.Exists("/usr/bin/setpriv"))
            {
                Console.WriteLine("skipped: running as root and /usr/bin/setpriv is missing, so no unprivileged user can be taken");
                return;
            }
            asUser = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
        }
        var (code, stdout, stderr) = await Run(asUser, TimeSpan.FromMinutes(2), "run", Small, "--out", Path.Combine(readOnly, "out"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"airace: cannot write in '{readOnly}': permission denied", stderr.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    private static Process Start(string[]? prefix, params string[] args)
    {
        var all = (prefix ?? []).Concat([DotnetHost(), Airace]).Concat(args).ToArray();
        var info = new ProcessStartInfo(all[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in all.Skip(1)) info.ArgumentList.Add(a);
        // An unprivileged user has no home of its own here; the runtime needs none, but keep it off root's.
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info)!;
    }

    private static async Task<(int Code, string Out, string Err)> Run(string[]? prefix, TimeSpan timeout, params string[] args)
    {
        using var process = Start(prefix, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, (await stdout).Replace("\r", ""), (await stderr).Replace("\r", ""));
    }

    /// <summary>The dotnet host running these tests (the muxer on PATH may be another).</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    internal static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AiRaceSim.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("AiRaceSim.sln not found above " + AppContext.BaseDirectory);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
