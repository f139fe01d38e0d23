namespace AiRaceSim.Contracts;

/// <summary>
/// Grain keys carry run id, block and actor, so many runs and blocks live side by side:
/// <c>run/block</c> for a world, <c>run/block/c:US</c> for a government, <c>run/block/f:deepseek</c> for a firm.
/// </summary>
public static class GrainKeys
{
    public static string World(string runId, int block) => $"{runId}/{block}";
    public static string Government(string runId, int block, string country) => $"{runId}/{block}/c:{country}";
    public static string Firm(string runId, int block, string firm) => $"{runId}/{block}/f:{firm}";
}
