namespace AiRaceSim.Silo;

/// <summary>
/// Where a cluster's silos find each other: the Redis that holds the membership table (host:port, or a
/// StackExchange.Redis configuration string) and the ids every silo and client of one cluster share.
/// </summary>
public sealed record ClusterAddress(string Redis, string ClusterId = ClusterAddress.DefaultId, string ServiceId = ClusterAddress.DefaultId)
{
    public const string DefaultId = "airace";
}
