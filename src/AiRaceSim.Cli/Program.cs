using AiRaceSim.Cli;

using var stop = new CancellationTokenSource();
using var signals = StopSignals.Register(stop, Console.Error);
return await AiraceCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
