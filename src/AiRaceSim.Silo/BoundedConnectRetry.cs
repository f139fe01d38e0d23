namespace AiRaceSim.Silo;

/// <summary>
/// A client joining a cluster retries for a while, then gives up with the last error. Orleans' default
/// filter never retries "no gateway found", so a client started before its silos had registered (as
/// under docker compose) would fail at once; this one waits for them up to <see cref="Window"/>.
/// Every error is retried in the window, an unreachable Redis too.
/// </summary>
internal sealed class BoundedConnectRetry : IClientConnectionRetryFilter
{
    /// <summary>How long after the first failed attempt the client keeps trying.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    private DateTime? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        // Wall clock for a retry window only: nothing of it reaches a result.
        var now = DateTime.UtcNow;
        _firstFailure ??= now;
        if (now - _firstFailure > Window) return false;
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }
}
