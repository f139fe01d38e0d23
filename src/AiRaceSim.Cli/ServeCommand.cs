using System.CommandLine;
using System.Net;
using AiRaceSim.Teaching;

namespace AiRaceSim.Cli;

/// <summary>`airace serve`: the teaching page (docs/TEACHING.md) on an embedded silo, on loopback unless --host says otherwise, until SIGINT or SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var port = SiloCommand.Port("--port", "Port of the page", 5000);
        var host = SiloCommand.ListenAddress("--host",
            "IPv4 address to listen on: 127.0.0.1 (this machine only, the default); another lets other machines in (the page has no authentication)");
        var scenarios = new Option<string>("--scenarios") { Description = "The scenarios folder whose baseline, teaching/ and what-if/ files are the presets", DefaultValueFactory = _ => "scenarios" };
        var serve = new Command("serve", "Serve the teaching page: presets, levers as sliders, the race live in the browser") { port, host, scenarios };
        serve.SetAction(async (parse, cancellation) =>
        {
            var options = new ServeOptions(IPAddress.Parse(parse.GetValue(host)!), parse.GetValue(port), parse.GetValue(scenarios)!);
            try
            {
                await TeachingServer.RunAsync(options, url => { stdout.WriteLine($"airace: the teaching page is at {url}: ready"); stdout.Flush(); }, cancellation);
            }
            catch (ScenarioFolderException e)
            {
                stderr.WriteLine($"airace: --scenarios {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Scenarios.ScenarioException e)
            {
                foreach (var line in e.Lines) stderr.WriteLine(line);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { }
            catch (IOException e)
            {
                stderr.WriteLine($"airace: the page cannot listen on {options.Host}:{options.Port}: {e.GetBaseException().Message}");
                return ExitCodes.Failure;
            }
            stderr.WriteLine("airace: the teaching page stopped.");
            return ExitCodes.Ok;
        });
        return serve;
    }
}
