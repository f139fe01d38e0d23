using System.CommandLine;
using System.Net;
using AiRaceSim.Silo;
using Microsoft.Extensions.Logging;

namespace AiRaceSim.Cli;

/// <summary>
/// `airace silo`: one silo of a Redis-clustered deployment, serving the simulation's grains until
/// SIGINT or SIGTERM, then leaving the cluster. `airace run --cluster REDIS` runs on such a cluster.
/// </summary>
public static class SiloCommand
{
    /// <summary>How long a signalled silo may take to leave its cluster before the process ends anyway.</summary>
    public static readonly TimeSpan LeaveGrace = TimeSpan.FromSeconds(15);

    /// <summary>The cluster options `silo` and `run` share.</summary>
    public static (Option<string?> Redis, Option<string> ClusterId, Option<string> ServiceId) ClusterOptions(string name, string redisDescription) =>
        (new Option<string?>(name) { Description = redisDescription },
         new Option<string>("--cluster-id") { Description = "The cluster's id, the same for its silos and clients", DefaultValueFactory = _ => ClusterAddress.DefaultId },
         new Option<string>("--service-id") { Description = "The service's id, the same for its silos and clients", DefaultValueFactory = _ => ClusterAddress.DefaultId });

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var (redis, clusterId, serviceId) = ClusterOptions("--redis", "Redis holding the cluster's membership, HOST:PORT (or a StackExchange.Redis configuration string)");
        redis.Required = true;
        var siloPort = Port("--silo-port", "Port for silo-to-silo traffic", 11111);
        var gatewayPort = Port("--gateway-port", "Port clients connect to", 30000);
        var address = new Option<string>("--address")
        {
            Description = "IPv4 address or host name other silos and clients reach this silo at, and the one it listens on (default 127.0.0.1; a name, such as a compose service's, is resolved at start)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var fast = new Option<bool>("--fast-failure-detection")
        {
            Description = "Declare a silo that stops answering dead in about 2 s instead of about 15 s (for tests on one machine)",
        };
        var dashboard = PortChecked(new Option<int?>("--dashboard-port") { Description = "Serve the Orleans dashboard on this port (of 127.0.0.1 unless --dashboard-address says otherwise)" });
        var dashboardAddress = ListenAddress("--dashboard-address",
            "The IPv4 address the dashboard listens on: 127.0.0.1 (loopback, the default); 0.0.0.0 inside a container whose port is published to the host's loopback only");
        var telemetry = new Option<bool>("--telemetry") { Description = "Export Orleans' and the simulation's metrics and Orleans' traces to stdout every 10 s" };
        var otlp = new Option<string?>("--otlp") { Description = "Also export them to this OpenTelemetry collector over OTLP HTTP/protobuf, such as http://127.0.0.1:4318/" };
        otlp.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !(Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                r.AddError($"--otlp expects a collector URL such as http://127.0.0.1:4318/, got '{Scenarios.Excerpt.Of(r.Tokens[0].Value)}'");
        });
        var verbose = new Option<bool>("--verbose") { Description = "Orleans' information lines too (its warnings and errors are shown on stderr either way)" };
        var silo = new Command("silo", "Run one silo of a cluster whose membership lives in Redis, until SIGINT or SIGTERM")
        {
            redis, clusterId, serviceId, siloPort, gatewayPort, address, fast, dashboard, dashboardAddress, telemetry, otlp, verbose,
        };
        silo.SetAction(async (parse, cancellation) =>
        {
            var at = parse.GetValue(address)!;
            if (Resolve(at) is not { } ip)
            {
                stderr.WriteLine($"airace: --address '{Scenarios.Excerpt.Of(at)}' is neither an IPv4 address (other than 0.0.0.0) nor a host name with one; give the address other silos and clients reach this one at");
                return ExitCodes.BadInput;
            }
            var options = new ClusterSiloOptions(
                new ClusterAddress(parse.GetValue(redis)!, parse.GetValue(clusterId)!, parse.GetValue(serviceId)!),
                parse.GetValue(siloPort), parse.GetValue(gatewayPort))
            {
                Address = ip,
                FastFailureDetection = parse.GetValue(fast),
                DashboardPort = parse.GetValue(dashboard),
                DashboardAddress = IPAddress.Parse(parse.GetValue(dashboardAddress)!),
                Telemetry = new TelemetryOptions(parse.GetValue(telemetry), parse.GetValue(otlp) is { } collector ? new Uri(collector) : null),
                LogLevel = parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning,
            };
            try
            {
                await ClusterSilo.RunAsync(options, line => { stdout.WriteLine($"airace: {line}: ready"); stdout.Flush(); }, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Stopped while starting: nothing to leave.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                stderr.WriteLine($"airace: the silo could not start or stopped: {e.GetBaseException().Message}");
                return ExitCodes.Failure;
            }
            stderr.WriteLine("airace: silo stopped.");
            return ExitCodes.Ok;
        });
        return silo;
    }

    /// <summary>The address itself, or a host name's first IPv4 address; null when neither.</summary>
    private static IPAddress? Resolve(string address)
    {
        // One address to advertise and listen on: IPv4, and not "any".
        if (IPAddress.TryParse(address, out var ip))
            return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !ip.Equals(IPAddress.Any) ? ip : null;
        try { return Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork); }
        catch (System.Net.Sockets.SocketException) { return null; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>An IPv4 address to listen on, 127.0.0.1 by default (the silo's dashboard, the teaching page).</summary>
    internal static Option<string> ListenAddress(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => "127.0.0.1" };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !(IPAddress.TryParse(r.Tokens[0].Value, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
                r.AddError($"{name} expects an IPv4 address such as 127.0.0.1, got '{Scenarios.Excerpt.Of(r.Tokens[0].Value)}'");
        });
        return option;
    }

    internal static Option<int> Port(string name, string description, int fallback) =>
        PortChecked(new Option<int>(name) { Description = $"{description} (default {fallback})", DefaultValueFactory = _ => fallback });

    /// <summary>A port option whose values outside 1..65535 are parse errors (exit 2).</summary>
    private static T PortChecked<T>(T option) where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !(int.TryParse(r.Tokens[0].Value, out int p) && p is >= 1 and <= 65535))
                r.AddError($"{option.Name} expects a port number in 1..65535, got '{Scenarios.Excerpt.Of(r.Tokens[0].Value)}'");
        });
        return option;
    }
}
