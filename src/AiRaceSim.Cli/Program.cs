using AiRaceSim.Cli;

return await AiraceCommand.RunAsync(args, Console.Out, Console.Error);
