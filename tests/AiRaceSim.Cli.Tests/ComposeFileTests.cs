using YamlDotNet.RepresentationModel;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked by reading them:
/// every airace command in them parses with airace's own command line, and the services agree on
/// Redis, the cluster id, addresses, the image and the mounted output folder.
/// </summary>
public class ComposeFileTests
{
    private static readonly string Root = OtherCommandTests.RepositoryRoot();

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"))) yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services()[name];

    private static string[] Command(string service) =>
        ((YamlSequenceNode)Service(service)["command"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray();

    private static string[] List(YamlMappingNode service, string key) =>
        service.Children.TryGetValue(key, out var node) ? ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray() : [];

    private static string Scalar(YamlMappingNode service, string key) => ((YamlScalarNode)service[key]).Value!;

    /// <summary>The value after <paramref name="option"/> in a command, or null.</summary>
    private static string? Value(string[] command, string option)
    {
        int i = Array.IndexOf(command, option);
        return i >= 0 && i + 1 < command.Length ? command[i + 1] : null;
    }

    [Fact]
    public void The_compose_file_has_redis_two_silos_and_a_client_whose_commands_parse()
    {
        Assert.Equal(["redis", "silo1", "silo2", "client"], Services().Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray());
        foreach (var name in new[] { "silo1", "silo2", "client" })
        {
            var command = Command(name);
            Assert.True(AiraceCommand.ParseErrors(command).Count == 0, $"{name}: {string.Join("; ", AiraceCommand.ParseErrors(command))}");
        }
        // Not vacuous: a misspelt option is an error of the same parser.
        Assert.NotEmpty(AiraceCommand.ParseErrors([.. Command("silo1"), "--gateway-prot", "1"]));
    }

    [Fact]
    public void Silos_and_client_agree_on_redis_the_cluster_and_the_image_and_each_silo_is_reached_at_its_own_name()
    {
        var redis = Command("redis");
        Assert.Equal("redis-server", redis[0]);
        string redisAt = "redis:" + Value(redis, "--port");
        Assert.Equal(["--save", ""], redis.SkipWhile(a => a != "--save").Take(2).ToArray()); // no persistence: membership is rebuilt at start

        var client = Command("client");
        Assert.Equal("run", client[0]);
        Assert.Equal(redisAt, Value(client, "--cluster"));
        string cluster = Value(client, "--cluster-id") ?? Silo.ClusterAddress.DefaultId;
        var image = Scalar(Service("client"), "image");
        foreach (var name in new[] { "silo1", "silo2" })
        {
            var silo = Command(name);
            Assert.Equal("silo", silo[0]);
            Assert.Equal(redisAt, Value(silo, "--redis"));
            Assert.Equal(cluster, Value(silo, "--cluster-id") ?? Silo.ClusterAddress.DefaultId);
            Assert.Equal(name, Value(silo, "--address")); // resolved to the container's address at start
            Assert.Equal(image, Scalar(Service(name), "image"));
            Assert.Contains("redis", List(Service(name), "depends_on"));
        }
        Assert.Equal(".", Scalar(Service("silo1"), "build")); // the one service that builds the image the others run
        Assert.Equal(["silo1", "silo2"], List(Service("client"), "depends_on"));
        // A silo may leave for up to 15 s (SiloCommand.LeaveGrace): compose must wait longer before SIGKILL.
        foreach (var name in new[] { "silo1", "silo2" })
            Assert.True(TimeSpan.FromSeconds(int.Parse(Scalar(Service(name), "stop_grace_period").TrimEnd('s'))) > SiloCommand.LeaveGrace, name);
    }

    [Fact]
    public void The_client_runs_a_scenario_the_image_holds_and_writes_to_a_mounted_folder()
    {
        var client = Command("client");
        var scenario = client[1];
        Assert.True(File.Exists(Path.Combine(Root, scenario)), $"{scenario} is not in the repository");
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Select(l => l.Trim()).ToList();
        Assert.Contains($"COPY {scenario.Split('/')[0]} ./{scenario.Split('/')[0]}", dockerfile);
        var output = Value(client, "--out")!;
        var mounts = List(Service("client"), "volumes").Select(v => v.Split(':')[1]).ToList();
        Assert.Contains(mounts, m => output.StartsWith(m + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dockerfile_publishes_the_cli_and_runs_airace()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile[0]);
        Assert.Contains("RUN dotnet publish src/AiRaceSim.Cli -c Release -o /app", dockerfile);
        Assert.Contains("COPY --from=build /app .", dockerfile);
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"airace.dll\"]", dockerfile[^1]);
        // The CLI runs on ASP.NET Core's shared framework (the dashboard), so the runtime image must carry it.
        var runtime = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "airace.runtimeconfig.json"));
        Assert.Contains("Microsoft.AspNetCore.App", runtime);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
        // airace.dll is what the CLI project builds.
        Assert.Contains("<AssemblyName>airace</AssemblyName>", File.ReadAllText(Path.Combine(Root, "src", "AiRaceSim.Cli", "AiRaceSim.Cli.csproj")));
        // Not as root: the runtime image's own unprivileged user, set after everything is copied.
        Assert.Equal("USER $APP_UID", dockerfile[^2]);
    }

    [Fact]
    public void The_dashboard_is_published_to_the_hosts_loopback_only_and_the_client_writes_as_the_user()
    {
        var silo = Command("silo1");
        var port = Value(silo, "--dashboard-port");
        Assert.NotNull(port);
        // Inside its container the dashboard listens on the container's interfaces; the host sees it on 127.0.0.1 only.
        Assert.Equal("0.0.0.0", Value(silo, "--dashboard-address"));
        Assert.Equal([$"127.0.0.1:{port}:{port}"], List(Service("silo1"), "ports"));
        foreach (var name in new[] { "redis", "silo2", "client" }) Assert.Empty(List(Service(name), "ports"));
        Assert.Null(Value(Command("silo2"), "--dashboard-port"));
        Assert.Equal("${AIRACE_USER:-1000:1000}", Scalar(Service("client"), "user"));
    }
}
