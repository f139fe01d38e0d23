using AiRaceSim.Cli;

using var stop = new CancellationTokenSource();
using var signals = StopSignals.Register(stop, Console.Error);
int code = await AiraceCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
// A run stopped by a signal ends as one, whether it ended by itself or was ended.
return signals.ExitCode ?? code;
