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
        Assert.Equal($"wrote series.csv, quantiles.csv, outcomes.csv, draws.csv, manifest.json, report.html and 16 charts in charts/ to {dir}", lines[^1]);
        Assert.DoesNotContain("warn:", stderr);
        Assert.Contains("airace: small-test: 48/48 months, 3 members", stderr);
    }

    [Fact]
    public async Task Two_separate_processes_write_the_same_result_bytes()
    {
        // Determinism across processes, not only within one: each run starts its own runtime, silo and
        // thread pool, and both run at the same time. manifest.json holds timestamps, so it is left out.
        var first = _cli.PathIn("same-1");
        var second = _cli.PathIn("same-2");
        var runs = await Task.WhenAll(
            Run(null, TimeSpan.FromMinutes(3), "run", Small, "--no-report", "--out", first),
            Run(null, TimeSpan.FromMinutes(3), "run", Small, "--no-report", "--out", second));
        foreach (var (code, _, stderr) in runs) Assert.True(code == 0, stderr);
        foreach (var name in ResultFiles)
        {
            var a = File.ReadAllBytes(Path.Combine(first, name));
            var b = File.ReadAllBytes(Path.Combine(second, name));
            // Not vacuous: a header and rows for each of the 48 months; for outcomes and draws, rows for each of the 3 members.
            int rows = name is "outcomes.csv" or "draws.csv" ? 3 : 48;
            Assert.True(File.ReadAllLines(Path.Combine(first, name)).Length > rows, $"{name} holds too few rows");
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs between two processes");
        }
    }

    internal static readonly string[] ResultFiles = ["series.csv", "quantiles.csv", "outcomes.csv", "draws.csv"];

    /// <summary>
    /// SHA-256 of the small scenario's results (tests/AiRaceSim.Cli.Tests/scenarios/small.yaml, its
    /// 3 members, per-member series as CSV, `--no-report`). Update on purpose only: when a change is meant to change results
    /// (the model, a default, the output format), put the new hashes here and say in the commit why
    /// the results changed. A change of results nobody meant fails here.
    /// </summary>
    private static readonly (string File, string Sha256)[] SmallResults =
    [
        ("series.csv", "c233e306a84ce436dddeed205bbb1689637d185d23e52d68675062745f4c3fd6"),
        ("quantiles.csv", "df11c93166bdce406038fa267046551d9a43265409ef7d8fb6d83589a53376c9"),
        ("outcomes.csv", "b1428cf37a511970ed2b9c8844d5640422e6eca4fff44e5e3950e01aedb5f658"),
        ("draws.csv", "96372318208b7aa2c2dfbe8de81c3a7640d626c56f504636513660d76141f506"),
    ];

    [Fact]
    public async Task The_small_scenario_gives_its_stored_results()
    {
        var dir = _cli.PathIn("stored");
        var (code, _, stderr) = await Run(null, TimeSpan.FromMinutes(3), "run", Small, "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        foreach (var (name, sha) in SmallResults)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, name))));
            Assert.True(sha == hash, $"{name}: SHA-256 {hash}, stored {sha}; if the change of results is meant, update SmallResults and say why in the commit");
        }
    }

    [Theory]
    [InlineData("SIGTERM", 15, true)]
    [InlineData("SIGINT", 2, true)]
    [InlineData("SIGTERM", 15, false)]
    public async Task A_signal_stops_the_run_in_any_phase_and_leaves_nothing(string name, int signal, bool afterStart)
    {
        var dir = _cli.PathIn("stopped");
        using var run = new BackgroundRun(dir, "400");
        // Setup: the destination is taken (its lock exists) before the silo starts. Running: a month is done.
        if (afterStart) await run.Started.WaitAsync(TimeSpan.FromMinutes(2));
        else await WaitFor(() => File.Exists(_cli.PathIn(".stopped.lock")), TimeSpan.FromMinutes(1));
        Assert.False(run.Process.HasExited, $"the run ended before the {name} was sent");
        Assert.Equal(0, Kill(run.Process.Id, signal));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Generous for a loaded machine; a run that ignored the signal would take minutes. Typically 0.5 s.
        Assert.True(run.Process.WaitForExit(TimeSpan.FromSeconds(20)), $"still running 20 s after {name}");
        Assert.Equal(128 + signal, run.Process.ExitCode);
        Assert.Contains($"airace: stopping ({name}).", run.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.False(Directory.Exists(dir));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_cli.Scratch), e => Path.GetFileName(e).Contains(".partial-"));
    }

    [Fact]
    public async Task A_run_into_a_folder_another_process_is_writing_is_refused()
    {
        var dir = _cli.PathIn("shared");
        using var first = new BackgroundRun(dir, "400");
        await first.Started.WaitAsync(TimeSpan.FromMinutes(2));
        var (code, stdout, stderr) = await new CliRunner().Run("run", Small, "--out", dir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"airace: another airace run (process {first.Process.Id}) is writing to '{dir}'; wait for it to finish or give another --out\n",
            stderr.Replace("\r", ""));
        Kill(first.Process.Id, 15);
        Assert.True(first.Process.WaitForExit(TimeSpan.FromSeconds(20)));
    }

    /// <summary>A 400-member baseline run in another process (tens of seconds), with its stderr collected.</summary>
    private sealed class BackgroundRun : IDisposable
    {
        private readonly TaskCompletionSource _started = new();
        private readonly System.Text.StringBuilder _stderr = new();

        public BackgroundRun(string dir, string members)
        {
            var baseline = Path.Combine(RepoRoot(), "scenarios", "baseline.yaml");
            Process = Start(null, "run", baseline, "--members", members, "--format", "none", "--out", dir);
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_stderr) _stderr.AppendLine(e.Data);
                if (e.Data.Contains(" months, ")) _started.TrySetResult();
            };
            Process.BeginErrorReadLine();
            Process.BeginOutputReadLine();
        }

        public Process Process { get; }
        public Task Started => _started.Task;
        public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException("the condition did not come true in time");
            await Task.Delay(10);
        }
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
            using var probe = Process.Start(new ProcessStartInfo(asUser[0], [.. asUser[1..], "test", "-r", Airace]) { UseShellExecute = false })!;
            probe.WaitForExit();
            if (probe.ExitCode != 0)
            {
                Console.WriteLine($"skipped: the unprivileged user 65534 cannot read {Airace} (a clone in a private folder?)");
                return;
            }
        }
        var (code, stdout, stderr) = await Run(asUser, TimeSpan.FromMinutes(2), "run", Small, "--out", Path.Combine(readOnly, "out"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"airace: cannot write in '{readOnly}': permission denied", stderr.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    [Fact]
    public async Task Charts_draw_their_text_with_fonts_from_memory_and_write_no_font_file()
    {
        // A shared temporary folder held the fonts before: a file someone else put there was trusted.
        var temporary = _cli.PathIn("tmp");
        Directory.CreateDirectory(temporary);
        var output = _cli.PathIn("gap");
        var epoch = Path.Combine(RepoRoot(), "data", "epoch", "large-scale-ai-models-to-2023.csv");
        using (var process = Start(null, new Dictionary<string, string> { ["TMPDIR"] = temporary }, "gap", epoch, "--log10", "--out", output))
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr);
        }
        Assert.False(Directory.Exists(Path.Combine(temporary, "airace-fonts")));
        Assert.Empty(Directory.GetFiles(temporary, "*.ttf", SearchOption.AllDirectories));
        // The title is drawn: dark pixels in the top rows of the PNG (white without a font).
        using var png = SkiaSharp.SKBitmap.Decode(Path.Combine(output, "gap.png"));
        int dark = 0;
        for (int y = 0; y < 30; y++)
            for (int x = 0; x < png.Width; x++)
                if (png.GetPixel(x, y).Red < 100) dark++;
        Assert.True(dark > 200, $"{dark} dark pixels in the title rows");
    }

    internal static Process Start(string[]? prefix, params string[] args) => Start(prefix, new Dictionary<string, string>(), args);

    private static Process Start(string[]? prefix, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var all = (prefix ?? []).Concat([DotnetHost(), Airace]).Concat(args).ToArray();
        var info = new ProcessStartInfo(all[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in all.Skip(1)) info.ArgumentList.Add(a);
        // An unprivileged user has no home of its own here; the runtime needs none, but keep it off root's.
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
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
    internal static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
