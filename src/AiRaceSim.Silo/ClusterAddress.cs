namespace AiRaceSim.Silo;

/// <summary>
/// Where a cluster's silos find each other: the Redis that holds the membership table (host:port, or a
/// StackExchange.Redis configuration string) and the ids every silo and client of one cluster share.
/// </summary>
public sealed record ClusterAddress(string Redis, string ClusterId = ClusterAddress.DefaultId, string ServiceId = ClusterAddress.DefaultId)
{
    public const string DefaultId = "airace";

    /// <summary>The Redis configuration as it may be printed: without its password.</summary>
    public string RedisShown
    {
        get
        {
            try { return StackExchange.Redis.ConfigurationOptions.Parse(Redis).ToString(includePassword: false); }
            catch (ArgumentException) { return "(an unreadable Redis configuration)"; }
        }
    }

    /// <summary>
    /// Most bytes of one message between client and silos: a world's slice of per-member series (up to
    /// <c>RunRequest.SliceBudgetBytes</c>, 128 MiB, for the whole slice) crosses as one response, above
    /// Orleans' default of 100 MiB.
    /// </summary>
    public const int MaxMessageBodyBytes = 256 << 20;
}
