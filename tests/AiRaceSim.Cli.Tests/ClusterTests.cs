using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// The same topology as docker-compose.yml, as plain processes on loopback: Debian's redis-server on a
/// free port, two `airace silo` processes clustered through it, and `airace run --cluster` as their
/// client. Without /usr/bin/redis-server the tests pass with the reason printed, unless CI=true
/// (.ci/run installs it), where they fail.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IDisposable
{
    private const string RedisServer = "/usr/bin/redis-server";
    private readonly CliRunner _cli = new();
    private readonly List<Process> _processes = [];
    private static readonly string Small = Path.Combine(AppContext.BaseDirectory, "scenarios", "small.yaml");

    [Fact]
    public async Task A_run_on_two_clustered_silo_processes_and_then_on_one_gives_the_embedded_runs_bytes_and_the_silos_leave_on_sigterm()
    {
        if (!DebianTool.Present(RedisServer, "redis-server", output)) return;
        var (redis, address, cluster) = await StartRedis();

        var ready = new List<Task<(Task<string> Out, Task<string> Err)>>();
        int dashboard = FreePort();
        // A stand-in OpenTelemetry collector: records the paths of the OTLP requests it gets.
        int collectorPort = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        var received = new System.Collections.Concurrent.ConcurrentBag<string>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception) { return; }
                received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        for (int i = 0; i < 2; i++)
        {
            // The second silo gives its address as a host name, as the compose file does; the first serves the dashboard.
            // The second exports its telemetry to the console and the collector.
            string[] extra = i == 0 ? ["--address", "127.0.0.1", "--dashboard-port", dashboard.ToString()]
                : ["--address", "localhost", "--telemetry", "--otlp", $"http://127.0.0.1:{collectorPort}/"];
            var silo = Track(ProcessTests.Start(null, ["silo", "--redis", address, "--cluster-id", cluster,
                "--silo-port", FreePort().ToString(), "--gateway-port", FreePort().ToString(), .. extra]));
            ready.Add(WaitForLine(silo, ": ready", TimeSpan.FromSeconds(60)));
        }
        var siloStreams = await Task.WhenAll(ready);

        // The dashboard answers on loopback, from files of its own (no page off the machine).
        using (var http = new HttpClient())
        {
            var page = await http.GetStringAsync($"http://127.0.0.1:{dashboard}/");
            Assert.Contains("<title>Orleans Dashboard</title>", page);
            Assert.DoesNotContain("http", page.Replace("http-equiv", ""));
        }

        var clustered = _cli.PathIn("clustered");
        var embedded = _cli.PathIn("embedded");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--no-report", "--cluster", address, "--cluster-id", cluster, "--out", clustered);
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote series.csv", stdout);
        (code, _, stderr) = await _cli.Run("run", Small, "--no-report", "--out", embedded);
        Assert.True(code == 0, stderr);
        foreach (var name in ProcessTests.ResultFiles)
        {
            var a = File.ReadAllBytes(Path.Combine(clustered, name));
            Assert.True(a.Length > 100, $"{name} holds {a.Length} bytes"); // a header and rows
            Assert.True(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(embedded, name))), $"{name} differs between the cluster and the embedded silo");
        }

        // An experiment's points run on the cluster too, to the in-process bytes.
        var experiment = ExperimentCommandTests.Write(_cli.PathIn("experiment.yaml"), block: 2);
        (code, _, stderr) = await _cli.Run("experiment", experiment, "--cluster", address, "--cluster-id", cluster, "--out", _cli.PathIn("experiment-clustered"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await _cli.Run("experiment", experiment, "--out", _cli.PathIn("experiment-here"));
        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "design.csv", "outcomes.csv", "morris.csv", "prim-box.csv", "report.html" })
            Assert.True(File.ReadAllBytes(_cli.PathIn("experiment-clustered/" + name)).AsSpan().SequenceEqual(File.ReadAllBytes(_cli.PathIn("experiment-here/" + name))),
                $"the experiment's {name} differs between the cluster and this process");

        // SIGTERM: a silo leaves the cluster and ends as signalled (128 + 15), left by itself, not ended by the
        // grace timer (which exits 143 too). The second goes first: the cluster goes on with one silo, to the same bytes.
        Assert.Equal(3, _processes.Count); // redis and the two silos
        async Task Leave(Process silo, (Task<string> Out, Task<string> Err) streams)
        {
            Assert.Equal(0, ProcessTests.Kill(silo.Id, 15));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await silo.WaitForExitAsync(wait.Token);
            Assert.Equal(143, silo.ExitCode);
            Assert.EndsWith("airace: silo stopped.", (await streams.Err).TrimEnd());
        }
        await Leave(_processes[2], siloStreams[1]);
        var single = _cli.PathIn("one-silo");
        (code, _, stderr) = await _cli.Run("run", Small, "--no-report", "--cluster", address, "--cluster-id", cluster, "--out", single);
        Assert.True(code == 0, stderr);
        foreach (var name in ProcessTests.ResultFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(single, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(embedded, name))),
                $"{name} differs between the one-silo cluster and the embedded silo");
        await Leave(_processes[1], siloStreams[0]);
        // The telemetry silo flushed its metrics on leaving: Orleans' instruments on stdout, OTLP metrics and traces to the collector.
        Assert.Contains("Metric Name: orleans-", await siloStreams[1].Out);
        Assert.DoesNotContain("Metric Name:", await siloStreams[0].Out);
        Assert.Contains("POST /v1/metrics application/x-protobuf", received);
        Assert.Contains("POST /v1/traces application/x-protobuf", received);
        Assert.False(redis.HasExited);
    }

    /// <summary>
    /// The kill test: a silo of two is killed (SIGKILL, no leaving) while the baseline runs through them; the worlds that had
    /// grains there come back from their checkpoints in Redis on the silo left, and the run ends with the embedded run's bytes.
    /// bench/kill-test.sh runs it five times in a row (docs/CLUSTER.md).
    /// </summary>
    [Fact]
    public async Task A_run_survives_the_loss_of_a_silo_killed_mid_run_with_the_same_bytes()
    {
        if (!DebianTool.Present(RedisServer, "redis-server", output)) return;
        var (_, address, cluster) = await StartRedis();
        var silos = new List<Process>();
        var ready = new List<Task<(Task<string> Out, Task<string> Err)>>();
        for (int i = 0; i < 2; i++)
        {
            var silo = Track(ProcessTests.Start(null, ["silo", "--redis", address, "--cluster-id", cluster, "--address", "127.0.0.1",
                "--silo-port", FreePort().ToString(), "--gateway-port", FreePort().ToString(), "--fast-failure-detection"]));
            silos.Add(silo);
            ready.Add(WaitForLine(silo, ": ready", TimeSpan.FromSeconds(60)));
        }
        await Task.WhenAll(ready);

        var baseline = Path.Combine(OtherCommandTests.RepositoryRoot(), "scenarios", "baseline.yaml");
        string[] run = ["run", baseline, "--members", "20", "--no-report"];
        var clustered = _cli.PathIn("survived");
        var client = Track(ProcessTests.Start(null, [.. run, "--cluster", address, "--cluster-id", cluster, "--out", clustered]));
        var stdout = client.StandardOutput.ReadToEndAsync();
        var lines = new List<string>();
        bool killed = false;
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
            while (await client.StandardError.ReadLineAsync(limit.Token) is { } line)
            {
                lines.Add(line);
                // Mid-run: once the first slices are written (the progress line after "0/264 months").
                if (!killed && line.Contains("/264 months", StringComparison.Ordinal) && !line.Contains(" 0/264", StringComparison.Ordinal))
                {
                    Assert.Equal(0, ProcessTests.Kill(silos[1].Id, 9));
                    killed = true;
                }
            }
        await client.WaitForExitAsync();
        var err = string.Join("\n", lines);
        Assert.True(client.ExitCode == 0, err);
        Assert.True(killed, err);
        Assert.Contains("wrote series.csv", await stdout);
        // The loss was seen and a slice stepped again (not a run that happened to avoid the dead silo).
        Assert.Contains("again from the checkpoint", err);
        // Mid-run: the slice stepped again is not the first (there was a checkpoint to come back to).
        var again = System.Text.RegularExpressions.Regex.Match(lines.First(l => l.Contains("again from the checkpoint", StringComparison.Ordinal)), @"stepping months (\d+)\.\.(\d+)");
        Assert.True(again.Success && int.Parse(again.Groups[1].Value) > 1 && int.Parse(again.Groups[2].Value) <= 264, err);

        var embedded = _cli.PathIn("uninterrupted");
        var (code, _, stderr) = await _cli.Run([.. run, "--out", embedded]);
        Assert.True(code == 0, stderr);
        foreach (var name in ProcessTests.ResultFiles)
        {
            var a = File.ReadAllBytes(Path.Combine(clustered, name));
            Assert.True(a.Length > 100, $"{name} holds {a.Length} bytes");
            Assert.True(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(embedded, name))), $"{name} differs from the uninterrupted embedded run");
        }
    }

    [Fact]
    public async Task A_cluster_that_cannot_be_reached_is_a_failure_that_writes_nothing()
    {
        var dir = _cli.PathIn("unreached");
        // Nothing listens on this port: the client cannot read the membership table.
        var (code, _, stderr) = await _cli.Run("run", Small, "--no-report", "--cluster", $"127.0.0.1:{FreePort()}", "--out", dir);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("airace: cannot join the cluster 'airace' through Redis at 127.0.0.1:", stderr);
        Assert.Contains("start Redis and at least one `airace silo --redis`", stderr);
        Assert.Contains("nothing was written", stderr);
        Assert.False(Directory.Exists(dir));
    }

    /// <summary>Debian's redis-server on a free loopback port, without persistence, logging to a file of the test.</summary>
    private async Task<(Process Redis, string Address, string Cluster)> StartRedis()
    {
        int port = FreePort();
        var redis = Track(Process.Start(new ProcessStartInfo(RedisServer)
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--logfile", _cli.PathIn("redis.log") },
            // Its own pipes (left empty: it logs to the file), so a leftover redis-server cannot hold the test host's open.
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!);
        await WaitForPort(port, TimeSpan.FromSeconds(20));
        return (redis, $"127.0.0.1:{port}", "test-" + port);
    }

    private Process Track(Process p)
    {
        _processes.Add(p);
        return p;
    }

    /// <summary>
    /// Reads stdout up to a line holding <paramref name="text"/>, then drains both streams so the process
    /// never blocks on a full pipe; returns the rest of stdout and all of stderr, complete when the process ends.
    /// </summary>
    private static async Task<(Task<string> Out, Task<string> Err)> WaitForLine(Process process, string text, TimeSpan timeout)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
                if (line.Contains(text, StringComparison.Ordinal))
                    return (process.StandardOutput.ReadToEndAsync(), stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"no '{text}' within {timeout.TotalSeconds} s: {await stderr}");
        }
        throw new InvalidOperationException($"the process ended before printing '{text}': {await stderr}");
    }

    private static async Task WaitForPort(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit();
            p.Dispose();
        }
        _cli.Dispose();
    }
}
