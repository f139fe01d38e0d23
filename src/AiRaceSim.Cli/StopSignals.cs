using System.Runtime.InteropServices;
using AiRaceSim.Output;

namespace AiRaceSim.Cli;

/// <summary>
/// SIGINT and SIGTERM stop airace in any phase within a second (a silo: once it has left its cluster,
/// within <see cref="SiloCommand.LeaveGrace"/>), leaving nothing behind (but a --checkpoints run, kept to be resumed): the first
/// signal cancels the work; if it has not ended a moment later, the partial output folders are
/// removed and the process exits. A second signal does that at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    /// <summary>How long cancelled work may take to end by itself, by default.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMilliseconds(700);
    private readonly TimeSpan _grace;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly CancellationTokenSource _stop;
    private readonly TextWriter _stderr;
    private int _signals, _exitCode;

    /// <summary>128 + the signal's number once one arrived (130 for SIGINT, 143 for SIGTERM), else null.</summary>
    public int? ExitCode => _exitCode == 0 ? null : _exitCode;

    private StopSignals(CancellationTokenSource stop, TextWriter stderr, TimeSpan grace)
    {
        _stop = stop;
        _grace = grace;
        _stderr = stderr;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancels <paramref name="stop"/> on the first signal; the process ends <paramref name="grace"/> later at the latest.</summary>
    public static StopSignals Register(CancellationTokenSource stop, TextWriter stderr, TimeSpan? grace = null) => new(stop, stderr, grace ?? DefaultGrace);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we end the process ourselves, after cleaning up
        int code = 128 + (context.Signal == PosixSignal.SIGINT ? 2 : 15);
        Interlocked.CompareExchange(ref _exitCode, code, 0);
        if (Interlocked.Increment(ref _signals) > 1) Exit(code);
        _stderr.WriteLine($"airace: stopping ({context.Signal}).");
        // The grace timer starts first: cancelling runs the token's callbacks on this thread (the
        // grain calls' among them), and one that blocks must not hold the exit back.
        var timer = new Thread(() => { Thread.Sleep(_grace); Exit(code); }) { IsBackground = true };
        timer.Start();
        ThreadPool.UnsafeQueueUserWorkItem(_ => _stop.Cancel(), null);
    }

    private void Exit(int code)
    {
        foreach (var destination in OutputFolder.AbandonAll())
            _stderr.WriteLine($"airace: the interrupted run keeps its checkpoints; continue with `airace run --resume {destination}`");
        _stderr.Flush();
        Environment.Exit(code);
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
    }
}
