using AiRaceSim.Ensembles;
using Spectre.Console;

namespace AiRaceSim.Cli;

/// <summary>
/// Progress of a run: a Spectre progress bar when stdout is a terminal, plain lines on stderr
/// otherwise (Spectre prints nothing at all when output is redirected).
/// </summary>
public static class ProgressDisplay
{
    public static async Task RunAsync(TextWriter stderr, string name, int months, Func<IProgress<RunProgress>, Task> work)
    {
        if (!Console.IsOutputRedirected && ReferenceEquals(stderr, Console.Error))
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(name), maxValue: months);
                await work(new Progress<RunProgress>(p => task.Value = p.MonthsDone));
            });
            return;
        }
        int lastTenth = -1;
        await work(new SynchronousProgress<RunProgress>(p =>
        {
            int tenth = p.MonthsTotal == 0 ? 10 : 10 * p.MonthsDone / p.MonthsTotal;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            stderr.WriteLine($"airace: {name}: {p.MonthsDone}/{p.MonthsTotal} months, {Counted.Of(p.Members, "member")}");
        }));
    }
}
