using AiRaceSim.Cli;

namespace AiRaceSim.Cli.Tests;

/// <summary>Runs `airace` in-process, with its output captured, in a scratch folder that tests clean up.</summary>
public sealed class CliRunner : IDisposable
{
    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "airace-tests-" + Guid.NewGuid().ToString("N"));

    public CliRunner() => Directory.CreateDirectory(Scratch);

    public async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await AiraceCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public string PathIn(string name) => Path.Combine(Scratch, name);

    public void Dispose()
    {
        if (Directory.Exists(Scratch)) Directory.Delete(Scratch, recursive: true);
    }
}

/// <summary>CLI tests start embedded silos: one at a time, they compete for the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "airace command line";
}
