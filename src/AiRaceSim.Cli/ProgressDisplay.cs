using AiRaceSim.Ensembles;
using Spectre.Console;

namespace AiRaceSim.Cli;

/// <summary>
/// Progress of a run: a Spectre progress bar (with the time left) when stdout is a terminal, plain
/// lines on stderr otherwise (Spectre prints nothing at all when output is redirected), each with
/// members per second and the time left once a slice is done. Wall-clock time here is for people
/// only: nothing of it reaches a result.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(TextWriter stderr, string name, int months, Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!Console.IsOutputRedirected && ReferenceEquals(stderr, Console.Error))
        {
            return await AnsiConsole.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(name), maxValue: months);
                return await work(new Progress<RunProgress>(p =>
                {
                    if (p.Notice is { } notice) AnsiConsole.MarkupLine(Markup.Escape($"airace: {name}: {notice}"));
                    task.Value = p.MonthsDone;
                }));
            });
        }
        int lastTenth = -1, from = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return await work(new SynchronousProgress<RunProgress>(p =>
        {
            if (p.Notice is { } notice) stderr.WriteLine($"airace: {name}: {notice}");
            if (from < 0) from = p.MonthsDone; // a resumed run starts part-way: its rate counts the months it steps
            int tenth = p.MonthsTotal == 0 ? 10 : 10 * p.MonthsDone / p.MonthsTotal;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            stderr.WriteLine($"airace: {name}: {p.MonthsDone}/{p.MonthsTotal} months, {Counted.Of(p.Members, "member")}{Rate(p, clock.Elapsed, from)}");
        }));
    }

    /// <summary>", N members/s, about T left" once some months are done (members through the whole run per second).</summary>
    /// <param name="from">Months done when the clock started (a resumed run's).</param>
    public static string Rate(RunProgress p, TimeSpan elapsed, int from = 0)
    {
        if (p.MonthsDone <= from || p.MonthsTotal == 0 || elapsed <= TimeSpan.Zero) return "";
        double fraction = p.MonthsDone / (double)p.MonthsTotal, stepped = (p.MonthsDone - from) / (double)p.MonthsTotal;
        double membersPerSecond = p.Members * stepped / elapsed.TotalSeconds;
        var left = TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / stepped);
        string rate = membersPerSecond.ToString(membersPerSecond >= 10 ? "N0" : "0.##", System.Globalization.CultureInfo.InvariantCulture);
        return fraction >= 1 ? $", {rate} members/s" : $", {rate} members/s, about {Math.Ceiling(left.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} s left";
    }
}
