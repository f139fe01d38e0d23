using AiRaceSim.Cli;

using var stop = new CancellationTokenSource();
// A silo leaves its cluster gracefully on a signal (a few seconds), and the page's embedded one stops as gracefully;
// everything else stops within a second.
using var signals = StopSignals.Register(stop, Console.Error, args is ["silo" or "serve", ..] ? SiloCommand.LeaveGrace : null);
int code = await AiraceCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
// A run stopped by a signal ends as one, whether it ended by itself or was ended.
return signals.ExitCode ?? code;
