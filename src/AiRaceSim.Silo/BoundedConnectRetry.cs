namespace AiRaceSim.Silo;

/// <summary>
/// A client joining a cluster retries for a while (its silos may still be starting, as under
/// docker-compose), then gives up with the last error instead of waiting for ever.
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
